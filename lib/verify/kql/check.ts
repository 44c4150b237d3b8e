/**
 * KQL verification with Microsoft's Kusto parser against the Defender XDR table schema.
 *
 * checkKql(query) parses and analyses one query (syntax + semantics: unknown tables, columns,
 * functions, wrong argument types ...) and reports Error-severity diagnostics as errors. The parser
 * and one global state per flavour are built lazily on first use and reused, so after the ~1 s start
 * each query takes milliseconds.
 */
import { COLUMN_ARGUMENT_FUNCTIONS, DEFENDER_FUNCTIONS } from "./defender-functions";
import {
  kusto,
  listToArray,
  type DatabaseGlobals,
  type KCode,
  type KDiagnostic,
  type KSyntaxElement,
  type KSyntaxNode,
  type KustoApi,
} from "./kusto-bridge";
import { blockPositionToFile, type KqlBlock } from "./markdown";
import { LineIndex, type LineColumn } from "./position";
import { defenderSchema, isKqlFlavour, tableAvailability, tablesForFlavour, type KqlFlavour } from "./schema";

export type KqlSeverity = "error" | "warning";

export interface KqlDiagnostic {
  /** Kusto diagnostic code (KSxxx), or HBxxx for the checker's own findings. */
  readonly code: string;
  readonly message: string;
  /** Only "error" fails a check; warnings are lint (KS5xx) and non-error parser notes. */
  readonly severity: KqlSeverity;
  /** 1-based position of the start, relative to the query text. */
  readonly line: number;
  readonly column: number;
  /** 1-based position just after the end (equal to the start for zero-width diagnostics). */
  readonly endLine: number;
  readonly endColumn: number;
  /** 0-based offset and length in the query text (UTF-16 code units). */
  readonly offset: number;
  readonly length: number;
}

export interface SuppressedDiagnostic extends KqlDiagnostic {
  /** Why the checker treats this parser diagnostic as a false positive. */
  readonly reason: string;
}

export interface KqlCheckOptions {
  /** Which schema the query runs against; our published content is "sentinel" (the default). */
  readonly flavour?: KqlFlavour;
  /** Also run the Kusto analysers and return their KS5xx hints as warnings. Default false. */
  readonly lint?: boolean;
}

export interface KqlCheckResult {
  readonly flavour: KqlFlavour;
  /** True when there are no errors. */
  readonly ok: boolean;
  /** Errors and warnings, in text order. */
  readonly diagnostics: readonly KqlDiagnostic[];
  readonly errors: readonly KqlDiagnostic[];
  readonly warnings: readonly KqlDiagnostic[];
  /** Parser diagnostics dropped as known false positives (for transparency and debugging). */
  readonly suppressed: readonly SuppressedDiagnostic[];
  /** The tables of the schema the query reads (sorted); see tablesReadBy. */
  readonly tables: readonly string[];
}

/** The checker's own diagnostic codes. */
export const CHECKER_CODES = {
  emptyQuery: "HB001",
  parserFailure: "HB002",
} as const;

// ---------------------------------------------------------------------------------------------
// Lazy initialisation
// ---------------------------------------------------------------------------------------------

const DATABASE_NAME = "DefenderXDR";
const globalsByFlavour = new Map<KqlFlavour, DatabaseGlobals>();
let globalsMs = 0;

function databaseFor(api: KustoApi, flavour: KqlFlavour): DatabaseGlobals {
  const hit = globalsByFlavour.get(flavour);
  if (hit) return hit;
  const started = performance.now();
  const db = api.buildGlobals(DATABASE_NAME, tablesForFlavour(flavour), DEFENDER_FUNCTIONS);
  globalsMs += performance.now() - started;
  globalsByFlavour.set(flavour, db);
  return db;
}

export interface KqlWarmUp {
  /** Loading the parser scripts (0 when already loaded). */
  readonly loadMs: number;
  /** Building the global state of the flavours (built-ins + tables + functions). */
  readonly globalsMs: number;
  /** The first analysis, which pays the parser's own lazy initialisation. */
  readonly firstQueryMs: number;
}

/**
 * Loads the parser and builds the flavours' global state now (otherwise the first check does it).
 * Returns where the start-up time went.
 */
export function warmUpKqlChecker(flavours: readonly KqlFlavour[] = ["sentinel"]): KqlWarmUp {
  const api = kusto();
  const before = globalsMs;
  for (const f of flavours) databaseFor(api, f);
  const started = performance.now();
  for (const f of flavours) checkKql("DeviceEvents | where Timestamp > ago(1h) | take 1", { flavour: f });
  return { loadMs: api.loadMs, globalsMs: globalsMs - before, firstQueryMs: performance.now() - started };
}

// ---------------------------------------------------------------------------------------------
// Syntax-tree helpers
// ---------------------------------------------------------------------------------------------

function isNode(e: KSyntaxElement | null | undefined): e is KSyntaxNode {
  return !!e && !e.IsToken;
}

/**
 * When `element` lies inside an argument of a function call, the call and that argument expression
 * (the argument being the node directly under the call's argument list).
 */
function enclosingArgument(api: KustoApi, element: KSyntaxElement | null): { call: KSyntaxNode; arg: KSyntaxNode } | null {
  const k = api.syntaxKinds;
  for (let e: KSyntaxElement | null = element; e; e = e.Parent) {
    const sep = e.Parent;
    const list = sep?.Parent;
    const exprList = list?.Parent;
    const call = exprList?.Parent;
    if (
      sep?.Kind === k.SeparatedElement &&
      list?.Kind === k.List &&
      exprList?.Kind === k.ExpressionList &&
      call?.Kind === k.FunctionCallExpression &&
      isNode(e)
    ) {
      return { call, arg: e };
    }
  }
  return null;
}

function calledFunctionName(api: KustoApi, call: KSyntaxNode): string | null {
  const s = call.ReferencedSymbol;
  return s && s.Kind === api.symbolKinds.Function ? s.Name : null;
}

function columnNames(api: KustoApi, table: KSyntaxNode["ResultType"]): Set<string> {
  const names = new Set<string>();
  if (!table || table.Kind !== api.symbolKinds.Table) return names;
  for (const c of listToArray(table.Columns)) if (c.Name) names.add(c.Name);
  return names;
}

/**
 * Why a parser diagnostic is a known false positive, or null when it stands.
 * - KS107 on todynamic()/toobject() of a value that is already dynamic: Kusto accepts it (the
 *   function returns its argument), the parser's signature only lists string.
 * - KS142 on a column named as an argument of `invoke FileProfile(SHA1)` (and DeviceFromIP, SeenBy)
 *   when the piped rows have that column: Defender resolves it, the parser looks outside the rows.
 */
function falsePositiveReason(api: KustoApi, code: KCode, d: KDiagnostic, spanText: string): string | null {
  if (!d.HasLocation || !code.Syntax) return null;
  if (d.Code !== "KS107" && d.Code !== "KS142") return null;
  const element = code.Syntax.GetNodeAt(d.Start, d.Length);
  const found = enclosingArgument(api, element);
  if (!found || found.arg.TextStart !== d.Start) return null;
  const fn = calledFunctionName(api, found.call);
  if (d.Code === "KS107") {
    const argType = found.arg.ResultType;
    if ((fn === "todynamic" || fn === "toobject") && argType?.Name === "dynamic" && found.arg.Width === d.Length) {
      return `${fn}() of a value that is already dynamic (parser false positive)`;
    }
    return null;
  }
  // KS142
  if (!fn || !COLUMN_ARGUMENT_FUNCTIONS.has(fn) || found.arg.Kind !== api.syntaxKinds.NameReference) return null;
  const invoke = found.call.Parent;
  const pipe = invoke?.Parent;
  if (invoke?.Kind !== api.syntaxKinds.InvokeOperator || pipe?.Kind !== api.syntaxKinds.PipeExpression) return null;
  const inputColumns = columnNames(api, pipe.Expression?.ResultType);
  return inputColumns.has(spanText) ? `column ${spanText} of the rows piped into invoke ${fn}()` : null;
}

/** The names of the schema's tables the analysed query refers to. */
function referencedTables(api: KustoApi, code: KCode, db: DatabaseGlobals): string[] {
  const found = new Set<string>();
  const { Table, Group } = api.symbolKinds;
  const addTable = (symbol: KSyntaxNode["ReferencedSymbol"]): void => {
    const name = symbol && symbol.Kind === Table ? db.tableSymbols.get(symbol) : undefined;
    if (name) found.add(name);
  };
  code.Syntax?.WalkNodes((node) => {
    const symbol = node.ReferencedSymbol;
    if (!symbol) return;
    if (symbol.Kind === Table) {
      // A table name, or a path such as database("x").T.
      addTable(symbol);
    } else if (symbol.Kind === Group) {
      // A wildcard such as `union Device*Events` resolves to the group of tables it matches.
      for (const member of listToArray(symbol.Members)) addTable(member);
    } else if (node.Kind === api.syntaxKinds.FunctionCallExpression && calledFunctionName(api, node) === "table") {
      // table("DeviceEvents"): the call's result is the table itself.
      addTable(node.ResultType ?? null);
    }
  });
  return [...found].sort();
}

// ---------------------------------------------------------------------------------------------
// Diagnostics
// ---------------------------------------------------------------------------------------------

function makeDiagnostic(
  index: LineIndex,
  code: string,
  message: string,
  severity: KqlSeverity,
  offset: number,
  length: number,
): KqlDiagnostic {
  const start = index.positionAt(offset);
  const end = index.positionAt(offset + length);
  return { code, message, severity, line: start.line, column: start.column, endLine: end.line, endColumn: end.column, offset, length };
}

function wildcardMatches(pattern: string, names: readonly string[]): string[] {
  const re = new RegExp(`^${pattern.split("*").map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")).join(".*")}$`);
  return names.filter((n) => re.test(n));
}

/** A clearer message for names that are real Defender XDR tables or columns of the other flavour. */
function betterMessage(d: KDiagnostic, spanText: string, flavour: KqlFlavour): string | null {
  if (d.Code !== "KS204" && d.Code !== "KS142") return null;
  const name = spanText.replace(/^\s*(["'])(.*)\1\s*$/, "$2").replace(/^\[\s*(["'])(.*)\1\s*\]$/, "$2");
  if (flavour === "sentinel") {
    if (tableAvailability(name) === "defender-only") {
      return (
        `'${name}' is a Microsoft Defender XDR table available only in the Defender portal's advanced hunting; ` +
        `the Defender XDR connector does not stream it to Microsoft Sentinel`
      );
    }
    if (name.includes("*")) {
      const all = Object.keys(defenderSchema().tables);
      const matched = wildcardMatches(name, all);
      if (matched.length > 0 && matched.every((t) => tableAvailability(t) === "defender-only")) {
        return `'${name}' matches only Defender-portal-only tables (${matched.join(", ")}), which are not available in Microsoft Sentinel`;
      }
    }
    return null;
  }
  if (d.Code === "KS142" && name in defenderSchema().sentinel.extraColumns) {
    return `${d.Message ?? ""} ('${name}' is a column Microsoft Sentinel adds; Defender advanced hunting tables do not have it${name === "TimeGenerated" ? ": use Timestamp" : ""})`;
  }
  return null;
}

function byPosition(a: KqlDiagnostic, b: KqlDiagnostic): number {
  return a.offset - b.offset || a.length - b.length || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0);
}

/** Parses and analyses one query against the flavour's schema. */
export function checkKql(query: string, options: KqlCheckOptions = {}): KqlCheckResult {
  const flavour = options.flavour ?? "sentinel";
  if (!isKqlFlavour(flavour)) throw new Error(`unknown KQL flavour '${String(flavour)}'`);
  const index = new LineIndex(query);
  const result = (diagnostics: KqlDiagnostic[], suppressed: SuppressedDiagnostic[], tables: string[]): KqlCheckResult => {
    diagnostics.sort(byPosition);
    const errors = diagnostics.filter((d) => d.severity === "error");
    return {
      flavour,
      ok: errors.length === 0,
      diagnostics,
      errors,
      warnings: diagnostics.filter((d) => d.severity === "warning"),
      suppressed,
      tables,
    };
  };

  if (query.trim() === "") {
    return result([makeDiagnostic(index, CHECKER_CODES.emptyQuery, "empty query", "error", 0, 0)], [], []);
  }

  const api = kusto();
  const db = databaseFor(api, flavour);
  let code: KCode;
  let raw: KDiagnostic[];
  let lint: KDiagnostic[] = [];
  try {
    code = api.analyse(query, db.globals);
    raw = api.diagnostics(code);
    if (options.lint) lint = api.lint(code);
  } catch (err) {
    const message = `the Kusto parser failed on this query: ${err instanceof Error ? err.message : String(err)}`;
    return result([makeDiagnostic(index, CHECKER_CODES.parserFailure, message, "error", 0, 0)], [], []);
  }

  const diagnostics: KqlDiagnostic[] = [];
  const suppressed: SuppressedDiagnostic[] = [];
  const seen = new Set<string>();
  const add = (d: KDiagnostic, isLint: boolean): void => {
    if (d.Severity === "Hidden") return;
    const offset = d.HasLocation ? d.Start : 0;
    const length = d.HasLocation ? d.Length : 0;
    const kCode = d.Code ?? "KS000";
    const key = `${kCode}@${offset}+${length}`;
    if (seen.has(key)) return;
    seen.add(key);
    const spanText = query.slice(offset, offset + length);
    const severity: KqlSeverity = !isLint && d.Severity === "Error" ? "error" : "warning";
    const message = (!isLint && betterMessage(d, spanText, flavour)) || (d.Message ?? "").trim();
    const diag = makeDiagnostic(index, kCode, message, severity, offset, length);
    const reason = isLint ? null : falsePositiveReason(api, code, d, spanText);
    if (reason) suppressed.push({ ...diag, reason });
    else diagnostics.push(diag);
  };
  for (const d of raw) add(d, false);
  for (const d of lint) add(d, true);
  return result(diagnostics, suppressed, referencedTables(api, code, db));
}

/**
 * The tables a query reads, from the analysed syntax tree: every name that resolves to a table of
 * the flavour's schema, including inside `let` bindings (tabular values, views, functions), join /
 * lookup / union operands, subqueries, wildcards (`union Device*`) and table("...") calls.
 * Names that resolve to nothing (unknown or Defender-portal-only tables in Sentinel) are not listed;
 * checkKql reports them as errors.
 */
export function tablesReadBy(query: string, options: { readonly flavour?: KqlFlavour } = {}): string[] {
  return [...checkKql(query, { flavour: options.flavour }).tables];
}

// ---------------------------------------------------------------------------------------------
// File positions
// ---------------------------------------------------------------------------------------------

/**
 * Moves a query-relative diagnostic to file coordinates. `at` is either the Markdown block the
 * query came from, or where the query's first character sits in the file (column defaults to 1).
 */
export function offsetDiagnostic<D extends KqlDiagnostic>(d: D, at: KqlBlock | { readonly line: number; readonly column?: number }): D {
  const map = (p: LineColumn): LineColumn => {
    if ("indents" in at) return blockPositionToFile(at, p);
    const column = at.column ?? 1;
    return { line: at.line + p.line - 1, column: p.line === 1 ? column + p.column - 1 : p.column };
  };
  const start = map({ line: d.line, column: d.column });
  const end = map({ line: d.endLine, column: d.endColumn });
  return { ...d, line: start.line, column: start.column, endLine: end.line, endColumn: end.column };
}
