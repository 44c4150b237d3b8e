/**
 * kql-check: check KQL files with Microsoft's Kusto parser against the Defender XDR schema.
 *
 *   npx tsx scripts/verify/kql-check.ts [--flavour sentinel|defender] [--json] [--lint] FILE...
 *   npm run verify -- kql-check FILE...
 *
 * FILE is a .kql file (one query) or a .md / .mdx file (each fenced ```kql / ```kusto block).
 * Prints `file:line:column: KSxxx message` per finding and a summary line; --json prints one JSON
 * document instead. Exit status: 0 clean, 1 findings (errors), 2 bad input (unknown option,
 * unreadable or unsupported file).
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { checkKqlSource, kqlSourceKindForPath, type KqlFileDiagnostic } from "@/lib/verify/kql/source";
import { isKqlFlavour, KQL_FLAVOURS, type KqlFlavour } from "@/lib/verify/kql/schema";

export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
}

const processIo: CliIo = {
  stdout: (text) => void process.stdout.write(text),
  stderr: (text) => void process.stderr.write(text),
};

export const USAGE = `usage: kql-check [--flavour ${KQL_FLAVOURS.join("|")}] [--json] [--lint] FILE...
  FILE       a .kql file (one query) or a .md/.mdx file (each \`\`\`kql / \`\`\`kusto block)
  --flavour  schema to check against: sentinel (default; tables streamed to Microsoft Sentinel)
             or defender (all Defender XDR advanced hunting tables)
  --json     print machine-readable JSON instead of text
  --lint     also report the Kusto analysers' KS5xx hints (as warnings; they never fail the check)
exit status: 0 clean, 1 errors found, 2 bad input
`;

interface Options {
  flavour: KqlFlavour;
  json: boolean;
  lint: boolean;
  files: string[];
}

type Parsed = { ok: true; options: Options } | { ok: false; message: string } | { ok: "help" };

export function parseArgs(argv: readonly string[]): Parsed {
  const options: Options = { flavour: "sentinel", json: false, lint: false, files: [] };
  let onlyFiles = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? "";
    if (onlyFiles || !arg.startsWith("-") || arg === "-") {
      options.files.push(arg);
      continue;
    }
    if (arg === "--") onlyFiles = true;
    else if (arg === "--help" || arg === "-h") return { ok: "help" };
    else if (arg === "--json") options.json = true;
    else if (arg === "--lint") options.lint = true;
    else if (arg === "--flavour" || arg === "--flavor" || arg.startsWith("--flavour=") || arg.startsWith("--flavor=")) {
      const eq = arg.indexOf("=");
      const value = eq >= 0 ? arg.slice(eq + 1) : argv[++i];
      if (value === undefined) return { ok: false, message: `${arg} needs a value (${KQL_FLAVOURS.join(" or ")})` };
      if (!isKqlFlavour(value)) return { ok: false, message: `unknown flavour '${value}' (expected ${KQL_FLAVOURS.join(" or ")})` };
      options.flavour = value;
    } else return { ok: false, message: `unknown option ${arg}` };
  }
  if (options.files.length === 0) return { ok: false, message: "no files given" };
  return { ok: true, options };
}

interface FileReport {
  file: string;
  queries: number;
  diagnostics: KqlFileDiagnostic[];
}

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

export async function main(argv: string[], io: CliIo = processIo): Promise<number> {
  const parsed = parseArgs(argv);
  if (parsed.ok === "help") {
    io.stdout(USAGE);
    return 0;
  }
  if (!parsed.ok) {
    io.stderr(`kql-check: ${parsed.message}\n${USAGE}`);
    return 2;
  }
  const { flavour, json, lint, files } = parsed.options;

  // Read everything first: bad input is reported before any checking.
  const inputs: Array<{ file: string; text: string; kind: "kql" | "markdown" }> = [];
  const problems: string[] = [];
  for (const file of files) {
    const kind = kqlSourceKindForPath(file);
    if (!kind) {
      problems.push(`${file}: not a .kql, .md or .mdx file`);
      continue;
    }
    try {
      inputs.push({ file, text: readFileSync(file, "utf8"), kind });
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      const why = code === "ENOENT" ? "no such file" : code === "EISDIR" ? "is a directory" : err instanceof Error ? err.message : String(err);
      problems.push(`${file}: cannot read (${why})`);
    }
  }
  if (problems.length > 0) {
    for (const p of problems) io.stderr(`kql-check: ${p}\n`);
    return 2;
  }

  const reports: FileReport[] = [];
  let queries = 0;
  let errors = 0;
  let warnings = 0;
  for (const { file, text, kind } of inputs) {
    const result = checkKqlSource(text, kind, { flavour, lint });
    reports.push({ file, queries: result.queries.length, diagnostics: [...result.diagnostics] });
    queries += result.queries.length;
    errors += result.errorCount;
    warnings += result.warningCount;
  }

  if (json) {
    const doc = {
      flavour,
      files: reports.map((r) => ({
        file: r.file,
        queries: r.queries,
        diagnostics: r.diagnostics.map((d) => ({
          code: d.code,
          severity: d.severity,
          message: d.message,
          line: d.line,
          column: d.column,
          endLine: d.endLine,
          endColumn: d.endColumn,
          query: d.query,
        })),
      })),
      summary: { files: reports.length, queries, errors, warnings },
    };
    io.stdout(`${JSON.stringify(doc, null, 2)}\n`);
  } else {
    for (const r of reports) {
      for (const d of r.diagnostics) {
        const tag = d.severity === "error" ? d.code : `${d.code} warning:`;
        io.stdout(`${r.file}:${d.line}:${d.column}: ${tag} ${d.message}\n`);
      }
    }
    io.stdout(
      `kql-check (${flavour}): ${plural(reports.length, "file")}, ${plural(queries, "query", "queries")}, ` +
        `${plural(errors, "error")}, ${plural(warnings, "warning")}\n`,
    );
  }
  return errors > 0 ? 1 : 0;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (err: unknown) => {
      process.stderr.write(`kql-check: ${err instanceof Error ? err.message : String(err)}\n`);
      process.exitCode = 2;
    },
  );
}
