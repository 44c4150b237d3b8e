/**
 * Derives the committed catalogues from ../shared/data: ATT&CK v19 facts (tactics in matrix order;
 * techniques with id, name, tactic ids, platforms, parent) and the Atomic Red Team test index
 * (guid, technique, number, name, platforms, executor, elevation, cleanup). Facts only, no prose.
 *
 *   npm run import:catalogs
 */
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { deriveAtomicIndex, deriveAttackCatalog } from "../lib/attack/derive";
import { repoRoot, sharedDataDir } from "./shared-data";

const dir = sharedDataDir();
if (!dir) {
  console.error("import:catalogs needs ../shared/data (or SHARED_DATA_DIR); it is not present.");
  process.exit(2);
}
const attackRaw: unknown = JSON.parse(readFileSync(path.join(dir, "attack/enterprise-v19-catalog.json"), "utf8"));
const atomicRaw: unknown = JSON.parse(readFileSync(path.join(dir, "atomic-red-team/tests.json"), "utf8"));

const attack = deriveAttackCatalog(attackRaw);
const atomic = deriveAtomicIndex(atomicRaw);

const out = path.join(repoRoot, "content/catalog");
writeFileSync(path.join(out, "attack-v19.json"), JSON.stringify(attack, null, 0) + "\n");
writeFileSync(path.join(out, "atomic-tests.json"), JSON.stringify(atomic, null, 0) + "\n");
console.log(
  `attack-v19.json: ${attack.tactics.length} tactics, ${attack.techniques.length} techniques; ` +
    `atomic-tests.json: ${atomic.tests.length} tests`,
);
