/**
 * Translation of Sigma (PCRE-flavoured) regular expressions to JavaScript RegExp.
 *
 * Handled: a leading global inline-flag group such as `(?i)` / `(?ims)` (turned into JS
 * flags), `(?P<name>...)` named groups, `(?P=name)` back-references, `\A`, `\z`, `\Z`,
 * `\K` (dropped: it only moves the start of the reported match, not whether it matches).
 * Rejected as unsupported: possessive quantifiers, atomic groups, inline flag groups
 * elsewhere than at the start, `(?x)` and other constructs JavaScript cannot express.
 */

export type RegexTranslation =
  | { ok: true; source: string; flags: string }
  | { ok: false; unsupported: boolean; message: string };

const ALLOWED_INLINE = new Set(["i", "m", "s"]);

export function translateRegex(pattern: string, subFlags: readonly string[] = []): RegexTranslation {
  const flags = new Set<string>(subFlags);
  let src = pattern;
  const lead = /^\(\?([a-zA-Z]+)\)/.exec(src);
  if (lead) {
    for (const f of lead[1] as string) {
      if (!ALLOWED_INLINE.has(f)) return { ok: false, unsupported: true, message: `inline regex flag '(?${f})' is not supported` };
      flags.add(f);
    }
    src = src.slice(lead[0].length);
  }

  let out = "";
  let inClass = false;
  for (let i = 0; i < src.length; i++) {
    const c = src[i] as string;
    if (c === "\\") {
      const n = src[i + 1];
      if (n === undefined) return { ok: false, unsupported: false, message: "regular expression ends with a lone backslash" };
      if (!inClass) {
        if (n === "A") {
          out += "(?<![\\s\\S])";
          i++;
          continue;
        }
        if (n === "z") {
          out += "(?![\\s\\S])";
          i++;
          continue;
        }
        if (n === "Z") {
          out += "(?=\\n?(?![\\s\\S]))";
          i++;
          continue;
        }
        if (n === "K") {
          i++;
          continue;
        }
        if (n === "Q" || n === "E" || n === "G") {
          return { ok: false, unsupported: true, message: `regex escape '\\${n}' is not supported` };
        }
      }
      out += c + n;
      i++;
      continue;
    }
    if (inClass) {
      if (c === "]") inClass = false;
      out += c;
      continue;
    }
    if (c === "[") {
      inClass = true;
      out += c;
      // a `]` right after `[` or `[^` is a literal in PCRE
      if (src[i + 1] === "^") {
        out += "^";
        i++;
      }
      if (src[i + 1] === "]") {
        out += "\\]";
        i++;
      }
      continue;
    }
    if (c === "(" && src[i + 1] === "?") {
      const rest = src.slice(i + 2);
      if (rest.startsWith("P<")) {
        out += "(?<";
        i += 3;
        continue;
      }
      const backref = /^P=([A-Za-z_][A-Za-z0-9_]*)\)/.exec(rest);
      if (backref) {
        out += `\\k<${backref[1]}>`;
        i += 2 + backref[0].length - 1;
        continue;
      }
      if (rest.startsWith(">")) return { ok: false, unsupported: true, message: "atomic groups '(?>...)' are not supported" };
      if (/^[a-zA-Z-]+[:)]/.test(rest)) return { ok: false, unsupported: true, message: "inline regex flags inside the expression are not supported (only a leading '(?i)' etc.)" };
      if (rest.startsWith("#")) return { ok: false, unsupported: true, message: "regex comments '(?#...)' are not supported" };
    }
    if ((c === "+" || c === "*" || c === "?" || c === "}") && src[i + 1] === "+") {
      return { ok: false, unsupported: true, message: "possessive quantifiers are not supported" };
    }
    out += c;
  }
  const jsFlags = [...flags].sort().join("");
  try {
    new RegExp(out, jsFlags);
  } catch (e) {
    return { ok: false, unsupported: false, message: `invalid regular expression: ${(e as Error).message}` };
  }
  return { ok: true, source: out, flags: jsFlags };
}
