import { buildStage } from "./build.mjs";
import { checkStage } from "./check.mjs";
import { firstloadStage } from "./firstload.mjs";
import { lighthouseStage } from "./lighthouse.mjs";
import { proStage } from "./pro.mjs";
import { searchStage } from "./search.mjs";
import { proxyStage, serveStage } from "./serve.mjs";

/** In run order. The build stage comes last: it is the slowest and needs no server. */
export const stages = {
  serve: serveStage,
  proxy: proxyStage,
  pro: proStage,
  firstload: firstloadStage,
  lighthouse: lighthouseStage,
  search: searchStage,
  check: checkStage,
  build: buildStage,
};
export const STAGE_NAMES = Object.keys(stages);
