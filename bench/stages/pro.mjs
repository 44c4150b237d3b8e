// Stage 3: a Pro detection page for a signed-in Pro user (entitlement read from the database on
// every request) against the public page, both under `next start`. Needs the accounts work
// (lib/access, the Pro section); until it is merged this stage reports that it was skipped.
import { existsSync } from "node:fs";
import path from "node:path";
import { ROOT } from "../lib/proc.mjs";

export async function proStage() {
  if (!existsSync(path.join(ROOT, "lib", "access", "index.ts"))) return { skipped: "needs the accounts/Pro work (lib/access), not merged yet", targets: [] };
  const { proStageImpl } = await import("./pro-impl.mjs");
  return proStageImpl(...arguments);
}
