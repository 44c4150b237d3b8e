/**
 * Checks a whole file's worth of KQL: a .kql file is one query; a Markdown / MDX file contributes
 * each fenced ```kql / ```kusto block. Diagnostics come back in file coordinates.
 */
import { checkKql, offsetDiagnostic, type KqlCheckOptions, type KqlCheckResult, type KqlDiagnostic } from "./check";
import { extractKqlBlocks } from "./markdown";

export type KqlSourceKind = "kql" | "markdown";

export interface KqlFileDiagnostic extends KqlDiagnostic {
  /** 0-based index of the Markdown block the diagnostic belongs to (0 for a .kql file). */
  readonly query: number;
}

export interface KqlSourceQuery {
  /** 1-based file line of the query's first line. */
  readonly line: number;
  readonly code: string;
  /** Query-relative result (positions inside `code`). */
  readonly result: KqlCheckResult;
}

export interface KqlSourceResult {
  readonly queries: readonly KqlSourceQuery[];
  /** All errors and warnings, in file coordinates and file order. */
  readonly diagnostics: readonly KqlFileDiagnostic[];
  readonly errorCount: number;
  readonly warningCount: number;
}

/** The kind of a file by extension, or null when it holds no KQL we know how to find. */
export function kqlSourceKindForPath(file: string): KqlSourceKind | null {
  const lower = file.toLowerCase();
  if (/\.(kql|kusto|csl)$/.test(lower)) return "kql";
  if (/\.(md|mdx|markdown)$/.test(lower)) return "markdown";
  return null;
}

export function checkKqlSource(text: string, kind: KqlSourceKind, options: KqlCheckOptions = {}): KqlSourceResult {
  const queries: KqlSourceQuery[] = [];
  const diagnostics: KqlFileDiagnostic[] = [];
  if (kind === "kql") {
    // A byte-order mark is not part of the query.
    const code = text.startsWith("\uFEFF") ? text.slice(1) : text;
    const result = checkKql(code, options);
    queries.push({ line: 1, code, result });
    for (const d of result.diagnostics) diagnostics.push({ ...d, query: 0 });
  } else {
    extractKqlBlocks(text).forEach((block, i) => {
      const result = checkKql(block.code, options);
      queries.push({ line: block.line, code: block.code, result });
      for (const d of result.diagnostics) diagnostics.push({ ...offsetDiagnostic(d, block), query: i });
    });
  }
  diagnostics.sort((a, b) => a.line - b.line || a.column - b.column);
  return {
    queries,
    diagnostics,
    errorCount: diagnostics.filter((d) => d.severity === "error").length,
    warningCount: diagnostics.filter((d) => d.severity === "warning").length,
  };
}
