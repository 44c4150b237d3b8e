/** Node.js file helpers (reading rules from disk). */
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { parseSigmaCollection, parseSigmaRule } from "./parse";
import type { CollectionParseResult, ParseOptions, ParseResult } from "./types";

/** Reads and parses one rule file (`file` in issues defaults to the given path). */
export function loadSigmaRuleFile(filePath: string, opts: ParseOptions = {}): ParseResult {
  return parseSigmaRule(readFileSync(filePath, "utf8"), { file: filePath, ...opts });
}

/** Reads and parses every YAML document of a rule file. */
export function loadSigmaCollectionFile(filePath: string, opts: ParseOptions = {}): CollectionParseResult {
  return parseSigmaCollection(readFileSync(filePath, "utf8"), { file: filePath, ...opts });
}

/** Lists `*.yml` / `*.yaml` files under a directory (recursively, sorted). A file path is returned as is. */
export function findRuleFiles(target: string): string[] {
  const st = statSync(target);
  if (!st.isDirectory()) return [target];
  const out: string[] = [];
  const walk = (dir: string): void => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (/\.ya?ml$/i.test(e.name)) out.push(p);
    }
  };
  walk(target);
  return out.sort();
}
