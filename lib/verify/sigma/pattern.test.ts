import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { applyWindash, compileTokens, parseWildcards, renderPattern, wrapAny, type PatternToken } from "./pattern";
import { selMatches } from "./test-helpers";

const whole = (pattern: string, value: string, cs = false): boolean => {
  const t = compileTokens(parseWildcards(pattern), cs);
  return t.test(cs ? value : value.toLowerCase());
};

describe("parseWildcards (escaping per the Sigma specification)", () => {
  it("turns * and ? into wildcards", () => {
    expect(parseWildcards("a*b?c")).toEqual<PatternToken[]>([{ t: "lit", s: "a" }, { t: "any" }, { t: "lit", s: "b" }, { t: "one" }, { t: "lit", s: "c" }]);
  });
  it("keeps a backslash that is not followed by a special character", () => {
    expect(parseWildcards("C:\\Windows\\")).toEqual([{ t: "lit", s: "C:\\Windows\\" }]);
  });
  it("\\* and \\? are literal wildcard characters", () => {
    expect(parseWildcards("a\\*b\\?")).toEqual([{ t: "lit", s: "a*b?" }]);
  });
  it("\\\\* is a backslash followed by a wildcard", () => {
    expect(parseWildcards("a\\\\*")).toEqual([{ t: "lit", s: "a\\" }, { t: "any" }]);
  });
  it("\\\\\\* is a backslash and a literal star", () => {
    expect(parseWildcards("a\\\\\\*")).toEqual([{ t: "lit", s: "a\\*" }]);
  });
  it("\\\\ is one backslash; three or four backslashes are two", () => {
    expect(parseWildcards("\\\\")).toEqual([{ t: "lit", s: "\\" }]);
    expect(parseWildcards("\\\\\\")).toEqual([{ t: "lit", s: "\\\\" }]);
    expect(parseWildcards("\\\\\\\\")).toEqual([{ t: "lit", s: "\\\\" }]);
  });
  it("collapses consecutive stars", () => {
    expect(parseWildcards("**a")).toEqual([{ t: "any" }, { t: "lit", s: "a" }]);
  });
  it("renderPattern round-trips", () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom("a", "b", "*", "?", "\\", "-") }), (s) => {
        const toks = parseWildcards(s);
        expect(parseWildcards(renderPattern(toks))).toEqual(toks);
      }),
    );
  });
});

describe("compileTokens", () => {
  it("matches whole values, case-insensitively by default", () => {
    expect(whole("cmd.exe", "CMD.EXE")).toBe(true);
    expect(whole("cmd.exe", "xcmd.exe")).toBe(false);
    expect(whole("cmd.exe", "CMD.EXE", true)).toBe(false);
  });
  it("* matches any run of characters including none and newlines", () => {
    expect(whole("a*b", "ab")).toBe(true);
    expect(whole("a*b", "a\nxx\nb")).toBe(true);
    expect(whole("*", "")).toBe(true);
    expect(whole("a*b*c", "a_b_c")).toBe(true);
    expect(whole("a*b*c", "a_c_b")).toBe(false);
  });
  it("? matches exactly one character", () => {
    expect(whole("prog?.exe", "progA.exe")).toBe(true);
    expect(whole("prog?.exe", "prog.exe")).toBe(false);
    expect(whole("prog?.exe", "progAB.exe")).toBe(false);
  });
  it("regex metacharacters in values are literal", () => {
    expect(whole("a.b(c)[d]{2}+$^|/-", "a.b(c)[d]{2}+$^|/-")).toBe(true);
    expect(whole("a.b", "axb")).toBe(false);
    expect(whole("*.exe?", "x.exe1")).toBe(true);
    expect(whole("*.exe?", "xzexe1")).toBe(false);
  });
  it("escaped wildcards match only themselves", () => {
    expect(whole("a\\*b", "a*b")).toBe(true);
    expect(whole("a\\*b", "axxb")).toBe(false);
    expect(whole("a\\?b", "axb")).toBe(false);
  });
  it("fast paths agree with the regex path", () => {
    const alphabet = fc.constantFrom("a", "B", "*", "?", "\\", ".");
    fc.assert(
      fc.property(fc.string({ unit: alphabet, maxLength: 6 }), fc.string({ unit: fc.constantFrom("a", "b", "B", "*", ".", "\\"), maxLength: 8 }), (p, v) => {
        const toks = parseWildcards(p);
        // reference: a regex built naively
        const src = toks
          .map((t) => (t.t === "lit" ? t.s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&") : t.t === "any" ? "[\\s\\S]*" : "[\\s\\S]"))
          .join("");
        const ref = new RegExp(`^${src}$`, "i").test(v);
        expect(compileTokens(toks, false).test(v.toLowerCase())).toBe(ref);
      }),
    );
  });
  it("wrapAny builds contains / startswith / endswith", () => {
    const t = (before: boolean, after: boolean, v: string) => compileTokens(wrapAny(parseWildcards("mid"), before, after), false).test(v);
    expect(t(true, true, "xmidx")).toBe(true);
    expect(t(false, true, "midx")).toBe(true);
    expect(t(false, true, "xmid")).toBe(false);
    expect(t(true, false, "xmid")).toBe(true);
    expect(t(true, false, "midx")).toBe(false);
  });
});

describe("windash", () => {
  const variants = ["-", "/", "\u2013", "\u2014", "\u2015"];
  it("lets a word-initial - or / be any of the five dash characters", () => {
    const toks = applyWindash(wrapAny(parseWildcards(" -enc "), true, true));
    const t = compileTokens(toks, false);
    for (const d of variants) expect(t.test(`powershell ${d}enc abc`.toLowerCase())).toBe(true);
    expect(t.test("powershell +enc abc")).toBe(false);
  });
  it("does not touch dashes inside words or before non-word characters", () => {
    const toks = applyWindash(parseWildcards("a-b -- /x"));
    expect(toks.filter((t) => t.t === "class")).toHaveLength(1);
    const t = compileTokens(toks, false);
    expect(t.test("a-b -- \u2014x")).toBe(true);
    expect(t.test("a/b -- /x")).toBe(false);
  });
  it("works through the modifier chain |contains|windash and |windash|contains", () => {
    for (const key of ["CommandLine|contains|windash", "CommandLine|windash|contains"]) {
      expect(selMatches({ [key]: "-nop" }, { CommandLine: "powershell.exe /NoP -w hidden" })).toBe(true);
      expect(selMatches({ [key]: "-nop" }, { CommandLine: "powershell.exe \u2013nop" })).toBe(true);
      expect(selMatches({ [key]: "-nop" }, { CommandLine: "powershell.exe nop" })).toBe(false);
    }
  });
});
