import { buildStage } from "./build.mjs";
import { checkStage } from "./check.mjs";
import { firstloadStage } from "./firstload.mjs";
import { proStage } from "./pro.mjs";
import { searchStage } from "./search.mjs";
import { proxyStage, serveStage } from "./serve.mjs";

// Lighthouse is imported when its stage runs: without the package installed the other stages
// still work (it was a static import, so `--only=serve` failed to start).
const lighthouseStage = async (...args) => (await import("./lighthouse.mjs")).lighthouseStage(...args);

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
