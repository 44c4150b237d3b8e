/**
 * Where the public reference data lives: `../shared/data` beside the repository (or SHARED_DATA_DIR).
 * Import scripts and conformance tests read it; a user's clone has none, so callers must handle absence.
 */
import { existsSync } from "node:fs";
import path from "node:path";

/** npm scripts, Vitest and Playwright all run from the package root. */
export const repoRoot = process.cwd();

export function sharedDataDir(): string | null {
  const dir = process.env.SHARED_DATA_DIR ?? path.resolve(repoRoot, "../shared/data");
  return existsSync(dir) ? dir : null;
}
