/**
 * Typed facade over Microsoft's Kusto.Language parser (@kusto/language-service-next), which is a
 * Bridge.NET build of the C# library: plain scripts that define the globals `Bridge`, `System` and
 * `Kusto`. This is the only file that touches that untyped surface; everything it hands out is
 * described by the minimal interfaces below (only the members the checker uses).
 *
 * The scripts are loaded lazily, once per process, the first time a checker needs them (~0.4 s),
 * and global state (built-in functions + our tables) is built once per flavour and reused.
 */
import { createRequire } from "node:module";
import path from "node:path";

/** A .NET IReadOnlyList as Bridge.NET exposes it. */
export interface KList<T> {
  readonly Count: number;
  getItem(index: number): T;
}

export interface KDiagnostic {
  readonly Code: string | null;
  readonly Message: string | null;
  /** "Error", "Warning", "Suggestion", "Information" or "Hidden". */
  readonly Severity: string | null;
  readonly HasLocation: boolean;
  /** 0-based offset into the query text (UTF-16 code units). */
  readonly Start: number;
  readonly Length: number;
}

/** Any Kusto symbol (table, column, group, function, variable, scalar type ...). */
export interface KSymbol {
  readonly Name: string | null;
  /** A Kusto.Language.Symbols.SymbolKind value; compare with `symbolKinds`. */
  readonly Kind: number;
  /** Group symbols: the tables a wildcard matched. Tables: their columns. */
  readonly Members?: KList<KSymbol> | null;
  /** Table symbols: their columns. */
  readonly Columns?: KList<KSymbol> | null;
}

/** A syntax node or token. */
export interface KSyntaxElement {
  /** A Kusto.Language.Syntax.SyntaxKind value; compare with `syntaxKinds`. */
  readonly Kind: number;
  readonly IsToken: boolean;
  readonly Parent: KSyntaxNode | null;
  readonly TextStart: number;
  readonly Width: number;
  toString(): string | null;
}

export interface KSyntaxNode extends KSyntaxElement {
  /** The symbol a name, call or path refers to (set by semantic analysis). */
  readonly ReferencedSymbol: KSymbol | null;
  /** Expressions only: the analysed result type. */
  readonly ResultType?: KSymbol | null;
  /** Pipe expressions only: the expression on the left of the `|`. */
  readonly Expression?: KSyntaxNode | null;
  WalkNodes(action: (node: KSyntaxNode) => void): void;
  GetNodeAt(position: number, length: number): KSyntaxElement | null;
}

export interface KCode {
  readonly Syntax: KSyntaxNode | null;
}

declare const kustoGlobalsBrand: unique symbol;
/** Opaque handle to a Kusto GlobalState (built-ins plus our database). */
export interface KGlobals {
  readonly [kustoGlobalsBrand]: true;
}

/** The syntax kinds the checker looks at. */
export interface SyntaxKinds {
  readonly NameReference: number;
  readonly FunctionCallExpression: number;
  readonly InvokeOperator: number;
  readonly PipeExpression: number;
  readonly ExpressionList: number;
  readonly SeparatedElement: number;
  readonly List: number;
}

/** The symbol kinds the checker looks at. */
export interface SymbolKinds {
  readonly Table: number;
  readonly Group: number;
  readonly Function: number;
  readonly Column: number;
}

export interface TableDeclaration {
  readonly name: string;
  readonly columns: ReadonlyArray<{ readonly name: string; readonly type: string }>;
}

/** A database function declared by KQL text, e.g. `(T:(*), x:string = 'SHA1')` and `{ T | ... }`. */
export interface FunctionDeclaration {
  readonly name: string;
  readonly parameters: string;
  readonly body: string;
}

export interface DatabaseGlobals {
  readonly globals: KGlobals;
  /** The table symbols of the database, by identity, to their names. */
  readonly tableSymbols: ReadonlyMap<KSymbol, string>;
}

export interface KustoApi {
  /** Milliseconds spent loading the two scripts. */
  readonly loadMs: number;
  readonly syntaxKinds: SyntaxKinds;
  readonly symbolKinds: SymbolKinds;
  buildGlobals(databaseName: string, tables: readonly TableDeclaration[], functions: readonly FunctionDeclaration[]): DatabaseGlobals;
  /** Parse and analyse; throws only on internal parser failures. */
  analyse(text: string, globals: KGlobals): KCode;
  /** Syntax and semantic diagnostics (KS0xx-KS2xx). */
  diagnostics(code: KCode): KDiagnostic[];
  /** The analysers' lint diagnostics (KS5xx), as the Kusto editor shows them. */
  lint(code: KCode): KDiagnostic[];
}

// ---------------------------------------------------------------------------------------------
// The untyped part. `any` is confined to this section: the Bridge.NET scripts define globals with
// no TypeScript declarations we can use (the package's .d.ts describes a global namespace and is
// 1.7 MB). Each use below is checked at runtime where a wrong shape would matter.
// ---------------------------------------------------------------------------------------------

// The untyped Bridge.NET namespace and the objects it returns (see above).
type Untyped = any;

function toArray<T>(list: KList<T> | null | undefined): T[] {
  const out: T[] = [];
  if (!list) return out;
  for (let i = 0; i < list.Count; i++) out.push(list.getItem(i));
  return out;
}

/** `['name']` quoting so any column name survives TableSymbol.From. */
function quoteName(name: string): string {
  return `['${name.replace(/\\/g, "\\\\").replace(/'/g, "\\'")}']`;
}

function enumValue(enumObject: Untyped, name: string): number {
  const v: unknown = enumObject?.[name];
  if (typeof v !== "number") throw new Error(`Kusto.Language: enum member ${name} not found`);
  return v;
}

function loadNamespace(): { language: Untyped; loadMs: number } {
  const g = globalThis as Untyped;
  if (g.Kusto?.Language?.KustoCode) return { language: g.Kusto.Language, loadMs: 0 };
  const started = performance.now();
  const require = createRequire(import.meta.url);
  const dir = path.dirname(require.resolve("@kusto/language-service-next/package.json"));
  // Order matters: the runtime first, then the library that registers itself with it.
  require(path.join(dir, "bridge.min.js"));
  require(path.join(dir, "Kusto.Language.Bridge.min.js"));
  const language: Untyped = g.Kusto?.Language;
  if (!language?.KustoCode?.ParseAndAnalyze) {
    throw new Error("@kusto/language-service-next did not define Kusto.Language.KustoCode");
  }
  return { language, loadMs: performance.now() - started };
}

function createApi(): KustoApi {
  const { language: K, loadMs } = loadNamespace();
  const S: Untyped = K.Symbols;
  const syntaxKinds: SyntaxKinds = {
    NameReference: enumValue(K.Syntax.SyntaxKind, "NameReference"),
    FunctionCallExpression: enumValue(K.Syntax.SyntaxKind, "FunctionCallExpression"),
    InvokeOperator: enumValue(K.Syntax.SyntaxKind, "InvokeOperator"),
    PipeExpression: enumValue(K.Syntax.SyntaxKind, "PipeExpression"),
    ExpressionList: enumValue(K.Syntax.SyntaxKind, "ExpressionList"),
    SeparatedElement: enumValue(K.Syntax.SyntaxKind, "SeparatedElement"),
    List: enumValue(K.Syntax.SyntaxKind, "List"),
  };
  const symbolKinds: SymbolKinds = {
    Table: enumValue(S.SymbolKind, "Table"),
    Group: enumValue(S.SymbolKind, "Group"),
    Function: enumValue(S.SymbolKind, "Function"),
    Column: enumValue(S.SymbolKind, "Column"),
  };
  const newToken = (): Untyped => new K.Utils.CancellationToken();

  return {
    loadMs,
    syntaxKinds,
    symbolKinds,
    buildGlobals(databaseName, tables, functions) {
      const tableSymbols = new Map<KSymbol, string>();
      const members: Untyped[] = [];
      for (const t of tables) {
        const schema = `(${t.columns.map((c) => `${quoteName(c.name)}: ${c.type}`).join(", ")})`;
        // TableSymbol.From parses a schema "(Col: type, ...)"; WithName sets the table name.
        const symbol: Untyped = S.TableSymbol.From(schema).WithName(t.name);
        if (symbol?.Columns?.Count !== t.columns.length) {
          throw new Error(`Kusto.Language: table ${t.name} declared with the wrong number of columns`);
        }
        tableSymbols.set(symbol as KSymbol, t.name);
        members.push(symbol);
      }
      for (const f of functions) {
        // FunctionSymbol(name, parameterList, body, description): a function with a KQL body, whose
        // result schema the analyser computes per call site.
        members.push(new S.FunctionSymbol.$ctor16(f.name, f.parameters, f.body, null));
      }
      const database: Untyped = new S.DatabaseSymbol(databaseName, members);
      const globals = K.GlobalState.Default.WithDatabase(database) as KGlobals;
      return { globals, tableSymbols };
    },
    analyse(text, globals) {
      const code: Untyped = K.KustoCode.ParseAndAnalyze(text, globals);
      if (!code) throw new Error("Kusto.Language returned no analysis");
      return code as KCode;
    },
    diagnostics(code) {
      return toArray<KDiagnostic>((code as Untyped).GetDiagnostics(newToken()));
    },
    lint(code) {
      const service: Untyped = new K.Editor.KustoCodeService.ctor(code);
      return toArray<KDiagnostic>(service.GetAnalyzerDiagnostics(true, newToken()));
    },
  };
}

let api: KustoApi | undefined;

/** The Kusto parser, loaded on first use. */
export function kusto(): KustoApi {
  api ??= createApi();
  return api;
}

export function listToArray<T>(list: KList<T> | null | undefined): T[] {
  return toArray(list);
}
