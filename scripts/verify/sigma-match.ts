/**
 * sigma-match: evaluate a Sigma rule against events.
 *
 *   npm run verify -- sigma-match [--json] [--expect N] [--placeholder NAME=V1,V2] RULE EVENTS
 *   npx tsx scripts/verify/sigma-match.ts RULE EVENTS
 *
 * EVENTS is a file (or `-` for stdin) holding a JSON array of events, one JSON object,
 * JSON lines, or JSON objects one after another. Events may be flat objects or Windows
 * event JSON (`{"Event": {"System": {...}, "EventData": {...}}}`).
 * Prints how many events match and which (0-based index and a short summary).
 * Exit status: 0 when at least one event matches (with --expect N: exactly N match),
 * 1 on findings (invalid or unsupported rule, no match, count differs from --expect),
 * 2 on bad input (unreadable file, invalid YAML or JSON, bad arguments).
 */
import { readFileSync } from "node:fs";
import { parsePlaceholderOption, processIO, runIfMain, type CliIO } from "../../lib/verify/sigma/cli-util";
import {
  EventsInputError,
  formatIssue,
  parseEventsText,
  parseSigmaRule,
  prepareEvent,
  summarizeEvent,
  tryCompileSigmaRule,
  type SigmaIssue,
} from "../../lib/verify/sigma/index";

const USAGE = `usage: sigma-match [--json] [--expect N] [--placeholder NAME=VALUE[,VALUE...]]... RULE EVENTS
  EVENTS          JSON array, JSON object, JSON lines or concatenated JSON objects ('-' = stdin)
  --json          machine-readable output on stdout
  --expect N      exit 0 only if exactly N events match
  --placeholder   values for %NAME% placeholders used with the 'expand' modifier
exit status: 0 matched as asked, 1 invalid rule / no match / count differs from --expect, 2 bad input`;

function readInput(file: string): string {
  return file === "-" ? readFileSync(0, "utf8") : readFileSync(file, "utf8");
}

export async function main(argv: string[], io: CliIO = processIO): Promise<number> {
  let json = false;
  let expect: number | undefined;
  const placeholders: Record<string, string[]> = {};
  const positional: string[] = [];
  const bad = (msg: string): number => {
    io.stderr(`sigma-match: ${msg}\n${USAGE}\n`);
    return 2;
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] as string;
    if (a === "--json") json = true;
    else if (a === "--help" || a === "-h") {
      io.stdout(`${USAGE}\n`);
      return 0;
    } else if (a === "--expect" || a.startsWith("--expect=")) {
      const v = a.startsWith("--expect=") ? a.slice("--expect=".length) : argv[++i];
      if (v === undefined || !/^\d+$/.test(v)) return bad(`--expect needs a non-negative integer, got '${v ?? ""}'`);
      expect = Number(v);
    } else if (a === "--placeholder" || a.startsWith("--placeholder=")) {
      const v = a.startsWith("--placeholder=") ? a.slice("--placeholder=".length) : argv[++i];
      const err = v === undefined ? "--placeholder needs a value" : parsePlaceholderOption(v, placeholders);
      if (err) return bad(err);
    } else if (a === "--") {
      positional.push(...argv.slice(i + 1));
      break;
    } else if (a.startsWith("-") && a !== "-") return bad(`unknown option '${a}'`);
    else positional.push(a);
  }
  if (positional.length !== 2) return bad(`expected RULE and EVENTS, got ${positional.length} argument${positional.length === 1 ? "" : "s"}`);
  const [ruleFile, eventsFile] = positional as [string, string];

  // ---- rule
  let ruleText: string;
  try {
    ruleText = readInput(ruleFile);
  } catch (e) {
    io.stderr(`sigma-match: cannot read rule ${ruleFile}: ${(e as Error).message}\n`);
    return 2;
  }
  const parsed = parseSigmaRule(ruleText, { file: ruleFile, placeholders });
  const yamlErrors = parsed.issues.filter((i) => i.code === "yaml" && i.severity === "error");
  if (yamlErrors.length > 0) {
    io.stderr(yamlErrors.map((i) => `${formatIssue(i, ruleFile)}\n`).join(""));
    return 2;
  }
  const reportRuleProblem = (issues: SigmaIssue[], status: "invalid" | "unsupported"): number => {
    if (json) {
      io.stdout(`${JSON.stringify({ ok: false, exitCode: 1, rule: { file: ruleFile }, status, issues }, null, 2)}\n`);
    } else {
      io.stdout(issues.map((i) => `${formatIssue(i, ruleFile)}\n`).join(""));
      io.stdout(`sigma-match: rule ${ruleFile} is ${status === "unsupported" ? "not supported" : "invalid"}; no events evaluated\n`);
    }
    return 1;
  };
  const ruleErrors = parsed.issues.filter((i) => i.severity === "error");
  if (!parsed.rule || ruleErrors.length > 0) {
    const issues = ruleErrors.length > 0 ? ruleErrors : parsed.issues;
    return reportRuleProblem(issues, issues.length > 0 && issues.every((i) => i.code === "unsupported") ? "unsupported" : "invalid");
  }
  const { compiled, issues: compileIssues } = tryCompileSigmaRule(parsed.rule, { placeholders });
  if (!compiled) {
    const errs = compileIssues.filter((i) => i.severity === "error");
    return reportRuleProblem(errs, errs.every((i) => i.code === "unsupported") ? "unsupported" : "invalid");
  }

  // ---- events
  let events: unknown[];
  try {
    events = parseEventsText(readInput(eventsFile)).events;
  } catch (e) {
    const msg = e instanceof EventsInputError ? e.message : `cannot read: ${(e as Error).message}`;
    io.stderr(`sigma-match: ${eventsFile}: ${msg}\n`);
    return 2;
  }

  const matches: Array<{ index: number; summary: string; identifiers: Record<string, boolean> }> = [];
  events.forEach((ev, index) => {
    const r = compiled.evaluate(prepareEvent(ev));
    if (r.matched) matches.push({ index, summary: summarizeEvent(ev), identifiers: r.identifiers });
  });
  const ok = expect === undefined ? matches.length > 0 : matches.length === expect;
  const exitCode = ok ? 0 : 1;

  if (json) {
    io.stdout(
      `${JSON.stringify(
        {
          ok,
          exitCode,
          rule: { file: ruleFile, title: compiled.title, id: compiled.id ?? null },
          events: events.length,
          matched: matches.length,
          ...(expect !== undefined ? { expect } : {}),
          matches,
        },
        null,
        2,
      )}\n`,
    );
    return exitCode;
  }

  const idPart = compiled.id ? ` (${compiled.id})` : "";
  io.stdout(`rule: ${compiled.title}${idPart}\n`);
  for (const m of matches) io.stdout(`  match: event #${m.index}: ${m.summary}\n`);
  let verdict = `sigma-match: ${matches.length} of ${events.length} event${events.length === 1 ? "" : "s"} match`;
  if (expect !== undefined) verdict += ok ? ` (expected ${expect}: OK)` : ` (expected ${expect}: MISMATCH)`;
  else if (!ok) verdict += " (no match)";
  io.stdout(`${verdict}\n`);
  return exitCode;
}

runIfMain(import.meta.url, "sigma-match", main);
