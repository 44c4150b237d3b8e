/**
 * Value modifiers and the compilation of one detection item (`Field|mod1|mod2: values`)
 * into a test on an event.
 *
 * Modifiers are applied left to right to every value. Supported:
 * - generic: `contains`, `startswith`, `endswith`, `all`, `cased`, `exists`, `neq`
 * - strings: `windash`, `re` (+ sub-modifiers `i`, `m`, `s`)
 * - encoding: `base64`, `base64offset`, `utf16`, `utf16le`, `utf16be`, `wide`
 * - numbers: `lt`, `lte`, `gt`, `gte`
 * - time: `minute`, `hour`, `day`, `week`, `month`, `year` (optionally followed by a comparison)
 * - network: `cidr`
 * - specific: `fieldref`, `expand` (with placeholder values from the caller)
 *
 * Semantics worth knowing:
 * - string comparison is case-insensitive unless `cased`; results of `base64` /
 *   `base64offset` are compared case-sensitively (base64 is case-sensitive);
 * - `re` searches (unanchored) and is case-sensitive unless `i`;
 * - a field holding a list matches when any element matches;
 * - `null` matches a missing field, a null value or an empty string;
 * - `neq` matches when the field exists and equals none of the values (with `all`: not all of them);
 * - `fieldref` never matches when either field is missing;
 * - keyword values (no field name) are searched as substrings of every scalar value in the event.
 */
import { cidrContains, parseCidr, parseIp, type CidrRange } from "./cidr";
import { base64, base64Offsets, bytesToBinaryString, encodeText, type TextEncodingName } from "./encoding";
import type { FieldEntry, PreparedEvent } from "./event";
import { issue, unsupported } from "./issues";
import { applyWindash, compileTokens, isPlain, literalTokens, parseWildcards, plainText, wrapAny, type PatternToken } from "./pattern";
import { translateRegex } from "./regex";
import type { SigmaIssue, SigmaPath, SigmaScalar } from "./types";

export const SUPPORTED_MODIFIERS = [
  "contains",
  "startswith",
  "endswith",
  "all",
  "cased",
  "exists",
  "neq",
  "windash",
  "re",
  "i",
  "m",
  "s",
  "base64",
  "base64offset",
  "utf16",
  "utf16le",
  "utf16be",
  "wide",
  "lt",
  "lte",
  "gt",
  "gte",
  "minute",
  "hour",
  "day",
  "week",
  "month",
  "year",
  "cidr",
  "fieldref",
  "expand",
] as const;

export type SigmaModifier = (typeof SUPPORTED_MODIFIERS)[number];
const SUPPORTED = new Set<string>(SUPPORTED_MODIFIERS);

type TimePart = "minute" | "hour" | "day" | "week" | "month" | "year";
const TIME_PARTS = new Set<string>(["minute", "hour", "day", "week", "month", "year"]);
type CmpOp = "lt" | "lte" | "gt" | "gte";

type State =
  | { k: "raw"; v: SigmaScalar }
  | { k: "str"; tokens: PatternToken[]; cs: boolean; enc?: TextEncodingName; positioned: boolean }
  | { k: "re"; source: string; flags: Set<string> }
  | { k: "cidr"; range: CidrRange }
  | { k: "cmp"; op: CmpOp; n: number }
  | { k: "exists"; want: boolean }
  | { k: "fieldref"; field: string; mode: "eq" | "contains" | "startswith" | "endswith" };

/** A test of one field (entry) of a prepared event. */
export type FieldTest = (entry: FieldEntry, ev: PreparedEvent) => boolean;

export interface ItemContext {
  /** Path of the item's map key, e.g. `["detection","selection","Image|endswith"]`. */
  path: SigmaPath;
  placeholders?: Record<string, readonly string[]>;
  /** The item is a keyword search (no field name). */
  keyword: boolean;
}

export interface CompiledItem {
  field: string;
  /** `null` when the item could not be compiled (see issues). */
  test: FieldTest | null;
  issues: SigmaIssue[];
}

class ItemError extends Error {
  constructor(readonly issue: SigmaIssue) {
    super(issue.message);
  }
}

function describe(v: SigmaScalar): string {
  return v === null ? "null" : typeof v === "string" ? `'${v}'` : String(v);
}

/** Splits `Field|mod1|mod2` into the field name and modifiers. */
export function splitFieldKey(key: string): { field: string; modifiers: string[] } {
  const parts = key.split("|");
  return { field: parts[0] ?? "", modifiers: parts.slice(1) };
}

const PLACEHOLDER_RE = /%([A-Za-z0-9_.\-]+)%/g;

/** Expands `%name%` placeholders (modifier `expand`). `\%` is a plain percent sign. */
function expandPlaceholders(
  value: string,
  placeholders: Record<string, readonly string[]> | undefined,
  path: SigmaPath,
): string[] {
  const parts: Array<string | { name: string }> = [];
  // `\%` escapes a percent sign: protect it before looking for placeholders
  const ESC = "\u0000";
  const text = value.replace(/\\%/g, ESC);
  let last = 0;
  for (const m of text.matchAll(PLACEHOLDER_RE)) {
    parts.push(text.slice(last, m.index));
    parts.push({ name: m[1] as string });
    last = m.index + m[0].length;
  }
  parts.push(text.slice(last));
  const names = parts.filter((p): p is { name: string } => typeof p !== "string").map((p) => p.name);
  if (names.length === 0) {
    throw new ItemError(issue("modifier", `'expand' used on a value without a %placeholder%: '${value}'`, path));
  }
  const missing = names.filter((n) => !placeholders || !Object.prototype.hasOwnProperty.call(placeholders, n));
  if (missing.length > 0) {
    throw new ItemError(
      unsupported(
        `placeholder %${missing[0]}%`,
        `placeholder ${missing.map((n) => `%${n}%`).join(", ")} has no values (pass placeholder values to expand it)`,
        path,
      ),
    );
  }
  let results = [""];
  for (const p of parts) {
    if (typeof p === "string") {
      const lit = p.split(ESC).join("%");
      results = results.map((r) => r + lit);
    } else {
      const values = placeholders?.[p.name] ?? [];
      const next: string[] = [];
      for (const r of results) for (const v of values) next.push(r + v);
      results = next;
    }
  }
  return results;
}

function toTokens(st: State, mod: string, path: SigmaPath): Extract<State, { k: "str" }> {
  if (st.k === "str") return st;
  if (st.k === "raw") {
    if (typeof st.v === "string") return { k: "str", tokens: parseWildcards(st.v), cs: false, positioned: false };
    if (typeof st.v === "number") return { k: "str", tokens: literalTokens(String(st.v)), cs: false, positioned: false };
    throw new ItemError(issue("modifier", `modifier '${mod}' cannot be applied to ${describe(st.v)}`, path));
  }
  throw new ItemError(issue("modifier", `modifier '${mod}' cannot be combined with a preceding '${st.k}' modifier`, path));
}

function requirePlain(st: Extract<State, { k: "str" }>, mod: string, path: SigmaPath): string {
  if (!isPlain(st.tokens)) {
    throw new ItemError(issue("modifier", `modifier '${mod}' cannot be applied to a value with wildcards`, path));
  }
  return plainText(st.tokens);
}

function toNumber(v: unknown): number | undefined {
  if (typeof v === "number") return Number.isFinite(v) ? v : undefined;
  if (typeof v === "bigint") return Number(v);
  if (typeof v === "string") {
    const t = v.trim();
    if (t === "") return undefined;
    const n = Number(t);
    return Number.isFinite(n) ? n : undefined;
  }
  return undefined;
}

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2}))?/;

function isoWeek(y: number, m: number, d: number): number {
  const date = new Date(Date.UTC(y, m - 1, d));
  const day = date.getUTCDay() || 7;
  date.setUTCDate(date.getUTCDate() + 4 - day);
  const yearStart = Date.UTC(date.getUTCFullYear(), 0, 1);
  return Math.ceil(((date.getTime() - yearStart) / 86400000 + 1) / 7);
}

/** Extracts a time part from a date value (no time-zone conversion, as the specification warns). */
export function extractTimePart(v: unknown, part: TimePart): number | undefined {
  let y: number, mo: number, d: number, h: number | undefined, mi: number | undefined;
  if (typeof v === "string") {
    const m = DATE_RE.exec(v.trim());
    if (!m) return undefined;
    y = Number(m[1]);
    mo = Number(m[2]);
    d = Number(m[3]);
    h = m[4] !== undefined ? Number(m[4]) : undefined;
    mi = m[5] !== undefined ? Number(m[5]) : undefined;
  } else if (typeof v === "number" && Number.isFinite(v)) {
    // epoch seconds or milliseconds
    const date = new Date(v < 1e11 ? v * 1000 : v);
    y = date.getUTCFullYear();
    mo = date.getUTCMonth() + 1;
    d = date.getUTCDate();
    h = date.getUTCHours();
    mi = date.getUTCMinutes();
  } else {
    return undefined;
  }
  switch (part) {
    case "year":
      return y;
    case "month":
      return mo;
    case "day":
      return d;
    case "week":
      return isoWeek(y, mo, d);
    case "hour":
      return h;
    case "minute":
      return mi;
  }
}

const CMP: Record<CmpOp, (a: number, b: number) => boolean> = {
  lt: (a, b) => a < b,
  lte: (a, b) => a <= b,
  gt: (a, b) => a > b,
  gte: (a, b) => a >= b,
};

/** A test of one value of a field. */
type ValueTest = (entry: FieldEntry, ev: PreparedEvent) => boolean;

function anyString(entry: FieldEntry, cs: boolean, t: { test(s: string): boolean }): boolean {
  const strs = cs ? entry.strs : entry.lower();
  for (const s of strs) if (s !== undefined && t.test(s)) return true;
  return false;
}

function finalTest(st: State, opts: { cased: boolean; timePart?: TimePart; keyword: boolean }, path: SigmaPath): ValueTest {
  const valueOf = opts.timePart
    ? (v: unknown): number | undefined => extractTimePart(v, opts.timePart as TimePart)
    : toNumber;
  switch (st.k) {
    case "raw": {
      const v = st.v;
      if (opts.timePart) {
        const n = toNumber(v);
        if (n === undefined) throw new ItemError(issue("modifier", `modifier '${opts.timePart}' needs a number, got ${describe(v)}`, path));
        return (entry) => entry.values.some((x) => valueOf(x) === n);
      }
      if (v === null) {
        if (opts.keyword) throw new ItemError(issue("detection", "null is not a valid keyword", path));
        return (entry) => !entry.found || entry.values.length === 0 || entry.values.some((x) => x === null || x === "");
      }
      if (typeof v === "boolean") {
        const s = String(v);
        return (entry) => entry.values.some((x) => x === v || (typeof x === "string" && x.toLowerCase() === s));
      }
      if (typeof v === "number" && !opts.keyword) {
        const s = String(v);
        return (entry) =>
          entry.values.some((x) => {
            if (typeof x === "number") return x === v;
            if (typeof x === "bigint") return Number(x) === v;
            if (typeof x === "string") return x.toLowerCase() === s || toNumber(x) === v;
            return false;
          });
      }
      return finalTest(toTokens(st, "value", path), opts, path);
    }
    case "str": {
      let tokens = st.tokens;
      let cs = st.cs || opts.cased;
      if (st.enc) {
        // encoded but not base64-encoded: compare against the raw code units
        const plain = requirePlain(st, st.enc, path);
        tokens = literalTokens(bytesToBinaryString(encodeText(plain, st.enc)));
        cs = true;
      }
      if (opts.keyword && !st.positioned) tokens = wrapAny(tokens, true, true);
      const t = compileTokens(tokens, cs);
      // a numeric string ('0x10', '4688') also equals a numeric event value (16, 4688)
      const asNumber = !opts.keyword && !st.positioned && !st.enc && isPlain(tokens) ? toNumber(plainText(tokens)) : undefined;
      if (asNumber !== undefined) {
        return (entry) => anyString(entry, cs, t) || entry.values.some((x) => typeof x === "number" && x === asNumber);
      }
      return (entry) => anyString(entry, cs, t);
    }
    case "re": {
      const tr = translateRegex(st.source, [...st.flags]);
      if (!tr.ok) {
        throw new ItemError(
          tr.unsupported
            ? unsupported("regular expression", `${tr.message}: /${st.source}/`, path)
            : issue("modifier", `${tr.message}: /${st.source}/`, path),
        );
      }
      const re = new RegExp(tr.source, tr.flags);
      return (entry) => anyString(entry, true, re);
    }
    case "cidr": {
      const range = st.range;
      return (entry) =>
        entry.strs.some((s) => {
          if (s === undefined) return false;
          const ip = parseIp(s);
          return ip !== null && cidrContains(range, ip);
        });
    }
    case "cmp": {
      const { op, n } = st;
      const f = CMP[op];
      return (entry) =>
        entry.values.some((x) => {
          const xv = valueOf(x);
          return xv !== undefined && f(xv, n);
        });
    }
    case "exists": {
      const want = st.want;
      return (entry) => entry.found === want;
    }
    case "fieldref": {
      const { field, mode } = st;
      const cs = opts.cased;
      return (entry, ev) => {
        const other = ev.field(field);
        if (!entry.found || !other.found) return false;
        const a = cs ? entry.strs : entry.lower();
        const b = cs ? other.strs : other.lower();
        for (const x of a) {
          if (x === undefined) continue;
          for (const y of b) {
            if (y === undefined) continue;
            if (mode === "eq" ? x === y : mode === "contains" ? x.includes(y) : mode === "startswith" ? x.startsWith(y) : x.endsWith(y)) return true;
          }
        }
        return false;
      };
    }
  }
}

function anyOf(tests: ValueTest[]): ValueTest {
  if (tests.length === 1) return tests[0] as ValueTest;
  return (e, ev) => {
    for (const t of tests) if (t(e, ev)) return true;
    return false;
  };
}

function allOf(tests: ValueTest[]): ValueTest {
  if (tests.length === 1) return tests[0] as ValueTest;
  return (e, ev) => {
    for (const t of tests) if (!t(e, ev)) return false;
    return true;
  };
}

/**
 * Compiles one detection item. `rawValue` is the YAML value (scalar or list of scalars).
 */
export function compileItem(key: string, rawValue: unknown, ctx: ItemContext): CompiledItem {
  const { field, modifiers } = splitFieldKey(key);
  const keyPath = ctx.path;
  const issues: SigmaIssue[] = [];
  const fail = (i: SigmaIssue): CompiledItem => ({ field, test: null, issues: [...issues, i] });

  // ---- modifier names
  for (const m of modifiers) {
    if (m === "") return fail(issue("modifier", `empty modifier in '${key}'`, keyPath, { target: "key" }));
    if (!SUPPORTED.has(m)) {
      return fail(unsupported(`modifier '${m}'`, `unknown or unsupported modifier '${m}' in '${key}'`, keyPath, { target: "key" }));
    }
  }
  const has = (m: string): boolean => modifiers.includes(m);
  const positional = modifiers.filter((m) => m === "contains" || m === "startswith" || m === "endswith");
  if (positional.length > 1) {
    return fail(issue("modifier", `conflicting modifiers '${positional.join("' and '")}' in '${key}'`, keyPath, { target: "key" }));
  }
  for (const m of new Set(modifiers)) {
    if (modifiers.filter((x) => x === m).length > 1) {
      return fail(issue("modifier", `modifier '${m}' is used twice in '${key}'`, keyPath, { target: "key" }));
    }
  }
  const timeParts = modifiers.filter((m) => TIME_PARTS.has(m)) as TimePart[];
  if (timeParts.length > 1) return fail(issue("modifier", `only one time modifier may be used in '${key}'`, keyPath, { target: "key" }));
  if (ctx.keyword && (has("exists") || has("fieldref") || has("cidr") || has("neq") || timeParts.length > 0)) {
    return fail(issue("modifier", `modifiers exists/fieldref/cidr/neq/time need a field name ('${key}')`, keyPath, { target: "key" }));
  }

  // ---- values
  const isList = Array.isArray(rawValue);
  const values: unknown[] = isList ? (rawValue as unknown[]) : [rawValue];
  if (isList && values.length === 0) return fail(issue("detection", `'${key}' has an empty list of values`, keyPath));
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (v !== null && typeof v === "object") {
      return fail(issue("detection", `value of '${key}' must be a string, number, boolean or null (or a list of them), got ${Array.isArray(v) ? "a list" : "a map"}`, isList ? [...keyPath, i] : keyPath));
    }
  }
  if (has("all") && !isList) {
    return fail(issue("modifier", `modifier 'all' needs a list of values ('${key}' has a single value)`, keyPath, { target: "key" }));
  }
  if (has("exists") && isList) return fail(issue("modifier", `modifier 'exists' needs a single boolean value ('${key}')`, keyPath));
  if (has("all") && values.length === 1) {
    issues.push({ ...issue("modifier", `modifier 'all' on a list with a single value has no effect ('${key}')`, keyPath, { target: "key" }), severity: "warning" });
  }
  if (has("base64offset") && !has("contains")) {
    issues.push({ ...issue("modifier", `'base64offset' without 'contains' will rarely match ('${key}')`, keyPath, { target: "key" }), severity: "warning" });
  }

  const cased = has("cased");
  const negate = has("neq");
  const timePart = timeParts[0];
  const valueTests: ValueTest[] = [];
  try {
    for (let i = 0; i < values.length; i++) {
      const vPath = isList ? [...keyPath, i] : keyPath;
      const raw = values[i] as SigmaScalar;
      let alts: State[] = [{ k: "raw", v: raw }];
      for (const mod of modifiers) {
        const next: State[] = [];
        for (const st of alts) next.push(...applyModifier(st, mod, vPath, ctx));
        alts = next;
      }
      const tests = alts.map((st) => finalTest(st, { cased, timePart, keyword: ctx.keyword }, vPath));
      valueTests.push(anyOf(tests));
    }
  } catch (e) {
    if (e instanceof ItemError) return fail(e.issue);
    throw e;
  }

  const combined: FieldTest = has("all") ? allOf(valueTests) : anyOf(valueTests);
  const test: FieldTest = negate ? (e, ev) => e.found && !combined(e, ev) : combined;
  return { field, test, issues };
}

function applyModifier(st: State, mod: string, path: SigmaPath, ctx: ItemContext): State[] {
  switch (mod) {
    case "all":
    case "cased":
    case "neq":
      return [st];
    case "minute":
    case "hour":
    case "day":
    case "week":
    case "month":
    case "year":
      if (st.k !== "raw" || typeof st.v !== "number") {
        throw new ItemError(issue("modifier", `modifier '${mod}' needs a number`, path));
      }
      return [st];
    case "expand": {
      if (st.k !== "raw" || typeof st.v !== "string") throw new ItemError(issue("modifier", "modifier 'expand' needs a string value", path));
      return expandPlaceholders(st.v, ctx.placeholders, path).map((v) => ({ k: "raw", v }));
    }
    case "contains":
    case "startswith":
    case "endswith": {
      if (st.k === "fieldref") {
        if (st.mode !== "eq") throw new ItemError(issue("modifier", `conflicting modifiers on a field reference`, path));
        return [{ ...st, mode: mod }];
      }
      const s = toTokens(st, mod, path);
      if (s.positioned) throw new ItemError(issue("modifier", `modifier '${mod}' conflicts with a previous position modifier`, path));
      return [{ ...s, tokens: wrapAny(s.tokens, mod !== "startswith", mod !== "endswith"), positioned: true }];
    }
    case "windash": {
      const s = toTokens(st, mod, path);
      if (s.enc) throw new ItemError(issue("modifier", `'windash' must be applied before encoding modifiers`, path));
      return [{ ...s, tokens: applyWindash(s.tokens) }];
    }
    case "utf16":
    case "utf16le":
    case "utf16be":
    case "wide": {
      const s = toTokens(st, mod, path);
      if (s.enc) throw new ItemError(issue("modifier", `only one text encoding modifier may be used`, path));
      if (s.positioned) throw new ItemError(issue("modifier", `'${mod}' must come before contains/startswith/endswith`, path));
      requirePlain(s, mod, path);
      return [{ ...s, enc: mod === "wide" ? "utf16le" : mod }];
    }
    case "base64":
    case "base64offset": {
      const s = toTokens(st, mod, path);
      if (s.positioned) throw new ItemError(issue("modifier", `'${mod}' must come before contains/startswith/endswith`, path));
      const bytes = encodeText(requirePlain(s, mod, path), s.enc ?? "utf8");
      const encoded = mod === "base64" ? [base64(bytes)] : base64Offsets(bytes);
      return encoded.map((e) => ({ k: "str", tokens: literalTokens(e), cs: true, positioned: false }));
    }
    case "re": {
      if (st.k !== "raw" || (typeof st.v !== "string" && typeof st.v !== "number")) {
        throw new ItemError(issue("modifier", `modifier 're' needs a string value${st.k !== "raw" ? " and cannot follow other value modifiers" : ""}`, path));
      }
      const source = String(st.v);
      return [{ k: "re", source, flags: new Set() }];
    }
    case "i":
    case "m":
    case "s": {
      if (st.k !== "re") throw new ItemError(issue("modifier", `modifier '${mod}' is a sub-modifier of 're' and must follow it`, path));
      return [{ ...st, flags: new Set([...st.flags, mod]) }];
    }
    case "cidr": {
      if (st.k !== "raw" || typeof st.v !== "string") throw new ItemError(issue("modifier", "modifier 'cidr' needs a network such as '10.0.0.0/8'", path));
      const r = parseCidr(st.v);
      if (typeof r === "string") throw new ItemError(issue("modifier", r, path));
      return [{ k: "cidr", range: r }];
    }
    case "exists": {
      if (st.k !== "raw" || typeof st.v !== "boolean") throw new ItemError(issue("modifier", "modifier 'exists' needs the value true or false", path));
      return [{ k: "exists", want: st.v }];
    }
    case "lt":
    case "lte":
    case "gt":
    case "gte": {
      if (st.k !== "raw") throw new ItemError(issue("modifier", `modifier '${mod}' cannot follow other value modifiers`, path));
      const n = toNumber(st.v);
      if (n === undefined || typeof st.v === "boolean") throw new ItemError(issue("modifier", `modifier '${mod}' needs a number, got ${describe(st.v)}`, path));
      return [{ k: "cmp", op: mod, n }];
    }
    case "fieldref": {
      if (st.k !== "raw" || typeof st.v !== "string" || st.v === "") throw new ItemError(issue("modifier", "modifier 'fieldref' needs the name of another field", path));
      return [{ k: "fieldref", field: st.v, mode: "eq" }];
    }
    default:
      throw new ItemError(unsupported(`modifier '${mod}'`, `unsupported modifier '${mod}'`, path));
  }
}
