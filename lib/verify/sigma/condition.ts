/**
 * The Sigma condition grammar.
 *
 *   expr    := orExpr
 *   orExpr  := andExpr ("or" andExpr)*
 *   andExpr := notExpr ("and" notExpr)*
 *   notExpr := "not" notExpr | primary
 *   primary := "(" expr ")" | ("1" | "all") "of" (pattern | "them") | identifier
 *
 * Precedence (least to most binding): or, and, not, x of, parentheses. Keywords are
 * case-insensitive. Aggregations (`| count() ...`), `near` and `N of` with N other than 1
 * are reported as unsupported.
 */

export type ConditionNode =
  | { type: "id"; name: string; offset: number }
  | { type: "of"; quantifier: "1" | "all"; pattern: string; them: boolean; offset: number }
  | { type: "not"; expr: ConditionNode }
  | { type: "and"; exprs: ConditionNode[] }
  | { type: "or"; exprs: ConditionNode[] };

export interface ConditionError {
  message: string;
  offset: number;
  /** Set when the construct is valid Sigma (or Sigma v1) but not supported here. */
  unsupported?: string;
}

export type ConditionParse = { ok: true; ast: ConditionNode } | { ok: false; error: ConditionError };

type Tok =
  | { k: "lp" | "rp" | "pipe" | "end"; offset: number }
  | { k: "word"; text: string; lower: string; offset: number };

function tokenize(text: string): Tok[] | ConditionError {
  const toks: Tok[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text[i] as string;
    if (/\s/.test(c)) {
      i++;
      continue;
    }
    if (c === "(") {
      toks.push({ k: "lp", offset: i++ });
      continue;
    }
    if (c === ")") {
      toks.push({ k: "rp", offset: i++ });
      continue;
    }
    if (c === "|") {
      toks.push({ k: "pipe", offset: i++ });
      continue;
    }
    const m = /^[A-Za-z0-9_*.\-]+/.exec(text.slice(i));
    if (!m) return { message: `unexpected character '${c}' in condition`, offset: i };
    toks.push({ k: "word", text: m[0], lower: m[0].toLowerCase(), offset: i });
    i += m[0].length;
  }
  toks.push({ k: "end", offset: text.length });
  return toks;
}

const KEYWORDS = new Set(["and", "or", "not", "of", "them", "near"]);

class Parser {
  private pos = 0;
  constructor(private readonly toks: Tok[]) {}

  private peek(): Tok {
    return this.toks[this.pos] as Tok;
  }
  private next(): Tok {
    return this.toks[this.pos++] as Tok;
  }
  private isWord(t: Tok, w: string): boolean {
    return t.k === "word" && t.lower === w;
  }

  parse(): ConditionNode {
    const e = this.or();
    const t = this.peek();
    if (t.k !== "end") throw this.unexpected(t);
    return e;
  }

  private unexpected(t: Tok): ConditionError {
    if (t.k === "pipe") return { message: "aggregation expressions ('| count() ...') are not supported", offset: t.offset, unsupported: "aggregation" };
    if (t.k === "word" && t.lower === "near") return { message: "'near' expressions are not supported", offset: t.offset, unsupported: "near" };
    if (t.k === "end") return { message: "unexpected end of condition", offset: t.offset };
    const what = t.k === "word" ? `'${t.text}'` : t.k === "lp" ? "'('" : "')'";
    return { message: `unexpected ${what} in condition`, offset: t.offset };
  }

  private or(): ConditionNode {
    const items = [this.and()];
    while (this.isWord(this.peek(), "or")) {
      this.next();
      items.push(this.and());
    }
    return items.length === 1 ? (items[0] as ConditionNode) : { type: "or", exprs: items };
  }

  private and(): ConditionNode {
    const items = [this.not()];
    while (this.isWord(this.peek(), "and")) {
      this.next();
      items.push(this.not());
    }
    return items.length === 1 ? (items[0] as ConditionNode) : { type: "and", exprs: items };
  }

  private not(): ConditionNode {
    if (this.isWord(this.peek(), "not")) {
      this.next();
      return { type: "not", expr: this.not() };
    }
    return this.primary();
  }

  private primary(): ConditionNode {
    const t = this.next();
    if (t.k === "lp") {
      const e = this.or();
      const close = this.next();
      if (close.k !== "rp") throw close.k === "end" ? { message: "missing ')' in condition", offset: close.offset } : this.unexpected(close);
      return e;
    }
    if (t.k !== "word") throw this.unexpected(t);
    const after = this.peek();
    if (this.isWord(after, "of")) {
      if (t.lower !== "1" && t.lower !== "all" && t.lower !== "any") {
        if (/^\d+$/.test(t.text)) throw { message: `'${t.text} of' is not supported (Sigma defines '1 of' and 'all of')`, offset: t.offset, unsupported: `'${t.text} of'` };
        throw { message: `expected '1 of' or 'all of', got '${t.text} of'`, offset: t.offset };
      }
      this.next();
      const target = this.next();
      if (target.k !== "word" || (KEYWORDS.has(target.lower) && target.lower !== "them")) {
        throw { message: `expected a search-identifier pattern or 'them' after '${t.text} of'`, offset: target.offset };
      }
      const them = target.lower === "them";
      return { type: "of", quantifier: t.lower === "all" ? "all" : "1", pattern: target.text, them, offset: t.offset };
    }
    if (KEYWORDS.has(t.lower)) throw this.unexpected(t);
    if (t.text.includes("*")) throw { message: `wildcard '${t.text}' can only be used after '1 of' / 'all of'`, offset: t.offset };
    return { type: "id", name: t.text, offset: t.offset };
  }
}

function isConditionError(e: unknown): e is ConditionError {
  return typeof e === "object" && e !== null && "message" in e && "offset" in e;
}

export function parseCondition(text: string): ConditionParse {
  const toks = tokenize(text);
  if (!Array.isArray(toks)) {
    if (text.includes("|")) {
      const p = text.indexOf("|");
      return { ok: false, error: { message: "aggregation expressions ('| count() ...') are not supported", offset: p, unsupported: "aggregation" } };
    }
    return { ok: false, error: toks };
  }
  if (toks.length === 1) return { ok: false, error: { message: "empty condition", offset: 0 } };
  // An aggregation anywhere makes the whole condition unsupported, even if the part before parses.
  const pipe = toks.find((t) => t.k === "pipe");
  if (pipe) return { ok: false, error: { message: "aggregation expressions ('| count() ...') are not supported", offset: pipe.offset, unsupported: "aggregation" } };
  const near = toks.find((t) => t.k === "word" && t.lower === "near");
  if (near) return { ok: false, error: { message: "'near' expressions are not supported", offset: near.offset, unsupported: "near" } };
  try {
    return { ok: true, ast: new Parser(toks).parse() };
  } catch (e) {
    if (isConditionError(e)) return { ok: false, error: e };
    throw e;
  }
}

/** Glob match of identifier patterns (`selection_*`), `*` only. */
export function identifierPatternToRegExp(pattern: string): RegExp {
  const src = pattern
    .split("*")
    .map((p) => p.replace(/[.+?^${}()|[\]\\]/g, "\\$&"))
    .join(".*");
  return new RegExp(`^${src}$`);
}

/** Resolves the identifiers an `x of` node refers to (`them` excludes names starting with `_`). */
export function resolveOf(node: { pattern: string; them: boolean }, identifiers: readonly string[]): string[] {
  if (node.them) return identifiers.filter((n) => !n.startsWith("_"));
  const re = identifierPatternToRegExp(node.pattern);
  return identifiers.filter((n) => re.test(n));
}

/** Renders an AST back to text (fully parenthesised; for debugging and tests). */
export function renderCondition(n: ConditionNode): string {
  switch (n.type) {
    case "id":
      return n.name;
    case "of":
      return `${n.quantifier} of ${n.them ? "them" : n.pattern}`;
    case "not":
      return `not ${renderCondition(n.expr)}`;
    case "and":
      return `(${n.exprs.map(renderCondition).join(" and ")})`;
    case "or":
      return `(${n.exprs.map(renderCondition).join(" or ")})`;
  }
}
