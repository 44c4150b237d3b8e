/**
 * Sigma string values: wildcards (`*`, `?`), escaping with `\` and compilation of a
 * pattern into a fast string test.
 *
 * Escaping (Sigma specification, "Escaping"): a backslash escapes `*`, `?` and the
 * backslash itself; a backslash followed by any other character is a plain backslash.
 * So `C:\Windows\` is literal, `\*` is a literal star, `\\*` is a backslash followed by
 * a wildcard, `\\\*` a backslash and a literal star, and `\\\\` two backslashes.
 */

export type PatternToken =
  /** A run of literal characters. */
  | { t: "lit"; s: string }
  /** `*`: any number of characters (including none). */
  | { t: "any" }
  /** `?`: exactly one character. */
  | { t: "one" }
  /** Exactly one character out of `chars` (used by `windash`). */
  | { t: "class"; chars: string };

const SPECIAL = new Set(["*", "?", "\\"]);

/** Parses a Sigma string value into tokens. */
export function parseWildcards(value: string): PatternToken[] {
  const out: PatternToken[] = [];
  let lit = "";
  const flush = (): void => {
    if (lit) out.push({ t: "lit", s: lit });
    lit = "";
  };
  for (let i = 0; i < value.length; i++) {
    const c = value[i] as string;
    if (c === "\\") {
      const next = value[i + 1];
      if (next !== undefined && SPECIAL.has(next)) {
        lit += next;
        i++;
      } else {
        lit += "\\";
      }
    } else if (c === "*") {
      flush();
      if (out[out.length - 1]?.t !== "any") out.push({ t: "any" });
    } else if (c === "?") {
      flush();
      out.push({ t: "one" });
    } else {
      lit += c;
    }
  }
  flush();
  return out;
}

/** A literal (wildcard-free) string as tokens. */
export function literalTokens(value: string): PatternToken[] {
  return value ? [{ t: "lit", s: value }] : [];
}

export function isPlain(tokens: readonly PatternToken[]): boolean {
  return tokens.every((t) => t.t === "lit");
}

export function plainText(tokens: readonly PatternToken[]): string {
  return tokens.map((t) => (t.t === "lit" ? t.s : "")).join("");
}

/** Puts `*` before and/or after the pattern (contains / startswith / endswith). */
export function wrapAny(tokens: readonly PatternToken[], before: boolean, after: boolean): PatternToken[] {
  const out = [...tokens];
  if (before && out[0]?.t !== "any") out.unshift({ t: "any" });
  if (after && out[out.length - 1]?.t !== "any") out.push({ t: "any" });
  return out;
}

/** Renders tokens back to Sigma notation (for messages). */
export function renderPattern(tokens: readonly PatternToken[]): string {
  return tokens
    .map((t) => {
      switch (t.t) {
        case "lit":
          return t.s.replace(/[*?]|\\(?=[*?\\]|$)/g, (m) => `\\${m}`);
        case "any":
          return "*";
        case "one":
          return "?";
        case "class":
          return `[${t.chars}]`;
      }
    })
    .join("");
}

/** Splits literal runs into single characters so that a character can be replaced by a class. */
function explode(tokens: readonly PatternToken[]): PatternToken[] {
  const out: PatternToken[] = [];
  for (const t of tokens) {
    if (t.t === "lit") for (const ch of t.s) out.push({ t: "lit", s: ch });
    else out.push(t);
  }
  return out;
}

function merge(tokens: readonly PatternToken[]): PatternToken[] {
  const out: PatternToken[] = [];
  for (const t of tokens) {
    const last = out[out.length - 1];
    if (t.t === "lit" && last?.t === "lit") out[out.length - 1] = { t: "lit", s: last.s + t.s };
    else out.push(t);
  }
  return out;
}

const WORD = /^[\p{L}\p{N}_]$/u;
export const WINDASH_CHARS = "-/\u2013\u2014\u2015";

/**
 * `windash`: a `-` or `/` that starts a word (preceded by a non-word character or the
 * start of the value, followed by a word character) may be any of
 * `-`, `/`, `–` (en dash), `—` (em dash), `―` (horizontal bar).
 * Instead of generating all 5^n permutations, the character becomes a character class.
 */
export function applyWindash(tokens: readonly PatternToken[]): PatternToken[] {
  const chars = explode(tokens);
  const out: PatternToken[] = [];
  for (let i = 0; i < chars.length; i++) {
    const t = chars[i] as PatternToken;
    if (t.t === "lit" && (t.s === "-" || t.s === "/")) {
      const prev = chars[i - 1];
      const next = chars[i + 1];
      const prevOk = prev === undefined || prev.t !== "lit" || !WORD.test(prev.s);
      const nextOk = next !== undefined && next.t === "lit" && WORD.test(next.s);
      if (prevOk && nextOk) {
        out.push({ t: "class", chars: WINDASH_CHARS });
        continue;
      }
    }
    out.push(t);
  }
  return merge(out);
}

function escapeRegex(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");
}

function escapeClassChar(s: string): string {
  return s.replace(/[\]\\^-]/g, "\\$&");
}

/** A compiled string test. When `caseSensitive` is false the argument must already be lower-cased. */
export interface StringTest {
  readonly caseSensitive: boolean;
  test(value: string): boolean;
}

/**
 * Compiles a token pattern into a string test that matches the WHOLE value
 * (use `wrapAny` for contains / startswith / endswith). Case-insensitive tests compare
 * lower-cased strings; callers pass `value.toLowerCase()`.
 */
export function compileTokens(tokens: readonly PatternToken[], caseSensitive: boolean): StringTest {
  const norm = (s: string): string => (caseSensitive ? s : s.toLowerCase());
  const toks = merge(tokens.map((t) => (t.t === "lit" ? { t: "lit", s: norm(t.s) } : t.t === "class" ? { t: "class", chars: norm(t.chars) } : t)));
  const shape = toks.map((t) => (t.t === "lit" ? "L" : t.t === "any" ? "*" : "x")).join("");
  const lit = (i: number): string => (toks[i] as { t: "lit"; s: string }).s;
  switch (shape) {
    case "":
      return { caseSensitive, test: (v) => v === "" };
    case "L": {
      const s = lit(0);
      return { caseSensitive, test: (v) => v === s };
    }
    case "*":
      return { caseSensitive, test: () => true };
    case "*L": {
      const s = lit(1);
      return { caseSensitive, test: (v) => v.endsWith(s) };
    }
    case "L*": {
      const s = lit(0);
      return { caseSensitive, test: (v) => v.startsWith(s) };
    }
    case "*L*": {
      const s = lit(1);
      return { caseSensitive, test: (v) => v.includes(s) };
    }
    case "L*L": {
      const a = lit(0);
      const b = lit(2);
      return { caseSensitive, test: (v) => v.length >= a.length + b.length && v.startsWith(a) && v.endsWith(b) };
    }
    default: {
      let src = "";
      for (const t of toks) {
        if (t.t === "lit") src += escapeRegex(t.s);
        else if (t.t === "any") src += "[\\s\\S]*";
        else if (t.t === "one") src += "[\\s\\S]";
        else src += `[${[...t.chars].map(escapeClassChar).join("")}]`;
      }
      // Anchor, and let a leading/trailing `*` stay unanchored for speed.
      if (src.startsWith("[\\s\\S]*")) src = src.slice(7);
      else src = `^${src}`;
      if (src.endsWith("[\\s\\S]*")) src = src.slice(0, -7);
      else src = `${src}$`;
      const re = new RegExp(src, "u");
      return { caseSensitive, test: (v) => re.test(v) };
    }
  }
}
