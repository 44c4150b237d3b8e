import { describe, expect, it } from "vitest";
import { compileSigmaRule, tryCompileSigmaRule } from "./compile";
import { parseCondition, renderCondition, resolveOf } from "./condition";
import { ruleWith } from "./test-helpers";

const render = (c: string): string => {
  const p = parseCondition(c);
  if (!p.ok) throw new Error(p.error.message);
  return renderCondition(p.ast);
};

describe("parseCondition", () => {
  it("precedence: not > and > or", () => {
    expect(render("a or b and c")).toBe("(a or (b and c))");
    expect(render("a and b or c")).toBe("((a and b) or c)");
    expect(render("not a and b")).toBe("(not a and b)");
    expect(render("not a or not b and c")).toBe("(not a or (not b and c))");
    expect(render("a and not b and not c")).toBe("(a and not b and not c)");
  });
  it("parentheses override precedence", () => {
    expect(render("(a or b) and c")).toBe("((a or b) and c)");
    expect(render("not (a or b)")).toBe("not (a or b)");
    expect(render("( (a and b) or (c) ) and not d")).toBe("(((a and b) or c) and not d)");
  });
  it("x of patterns and them", () => {
    expect(render("1 of selection_* and not all of filter_*")).toBe("(1 of selection_* and not all of filter_*)");
    expect(render("all of them")).toBe("all of them");
    expect(render("any of sel*")).toBe("1 of sel*");
  });
  it("keywords are case-insensitive", () => {
    expect(render("a AND NOT b OR c")).toBe("((a and not b) or c)");
    expect(render("1 OF them")).toBe("1 of them");
  });
  it("reports syntax errors with an offset", () => {
    const cases: Array<[string, RegExp, number]> = [
      ["a and", /unexpected end/, 5],
      ["(a or b", /missing '\)'/, 7],
      ["a b", /unexpected 'b'/, 2],
      ["a or or b", /unexpected 'or'/, 5],
      ["sel*", /only be used after/, 0],
      ["2 of sel*", /not supported/, 0],
      ["", /empty condition/, 0],
      ["a & b", /unexpected character/, 2],
    ];
    for (const [text, re, offset] of cases) {
      const p = parseCondition(text);
      expect(p.ok, text).toBe(false);
      if (!p.ok) {
        expect(p.error.message, text).toMatch(re);
        expect(p.error.offset, text).toBe(offset);
      }
    }
  });
  it("aggregations and near are unsupported, not syntax errors", () => {
    const agg = parseCondition("selection | count(TargetUserName) by IpAddress > 5");
    expect(agg.ok).toBe(false);
    if (!agg.ok) expect(agg.error).toMatchObject({ unsupported: "aggregation", offset: 10 });
    const near = parseCondition("a near b");
    expect(near.ok).toBe(false);
    if (!near.ok) expect(near.error.unsupported).toBe("near");
  });
  it("resolveOf: them excludes identifiers starting with _; patterns do not", () => {
    const ids = ["selection_a", "selection_b", "filter", "_hidden"];
    expect(resolveOf({ pattern: "them", them: true }, ids)).toEqual(["selection_a", "selection_b", "filter"]);
    expect(resolveOf({ pattern: "selection_*", them: false }, ids)).toEqual(["selection_a", "selection_b"]);
    expect(resolveOf({ pattern: "_*", them: false }, ids)).toEqual(["_hidden"]);
    expect(resolveOf({ pattern: "*a*", them: false }, ids)).toEqual(["selection_a"]);
  });
});

describe("condition evaluation", () => {
  const det = {
    a: { A: "1" },
    b: { B: "1" },
    c: { C: "1" },
  };
  const ev = (a: boolean, b: boolean, c: boolean) => ({ ...(a ? { A: "1" } : {}), ...(b ? { B: "1" } : {}), ...(c ? { C: "1" } : {}) });
  const truth = (cond: string, f: (a: boolean, b: boolean, c: boolean) => boolean) => {
    const r = compileSigmaRule(ruleWith({ ...det, condition: cond }));
    for (const a of [false, true]) for (const b of [false, true]) for (const c of [false, true]) expect(r.matches(ev(a, b, c)), `${cond} @ ${a},${b},${c}`).toBe(f(a, b, c));
  };
  it("evaluates boolean operators with the right precedence", () => {
    truth("a or b and c", (a, b, c) => a || (b && c));
    truth("a and b or c", (a, b, c) => (a && b) || c);
    truth("not a and b", (a, b) => !a && b);
    truth("not (a and b) or c", (a, b, c) => !(a && b) || c);
    truth("a and not (b or c)", (a, b, c) => a && !(b || c));
    truth("not not a", (a) => a);
  });
  it("1 of / all of / them", () => {
    truth("1 of them", (a, b, c) => a || b || c);
    truth("all of them", (a, b, c) => a && b && c);
    truth("1 of a* or all of b*", (a, b) => a || b);
    truth("all of * and not c", (a, b, c) => a && b && c && !c);
  });
  it("them ignores _-prefixed identifiers", () => {
    const r = compileSigmaRule(ruleWith({ sel: { A: "1" }, _helper: { B: "1" }, condition: "all of them" }));
    expect(r.matches({ A: "1" })).toBe(true);
    const r2 = compileSigmaRule(ruleWith({ sel: { A: "1" }, _helper: { B: "1" }, condition: "all of them and _helper" }));
    expect(r2.matches({ A: "1" })).toBe(false);
    expect(r2.matches({ A: "1", B: "1" })).toBe(true);
  });
  it("a list of conditions is OR", () => {
    const r = compileSigmaRule(ruleWith({ ...det, condition: ["a and b", "c"] }));
    expect(r.matches(ev(true, false, false))).toBe(false);
    expect(r.matches(ev(false, false, true))).toBe(true);
    expect(r.matches(ev(true, true, false))).toBe(true);
  });
  it("evaluate() reports identifier results", () => {
    const r = compileSigmaRule(ruleWith({ ...det, condition: "a and not b" }));
    expect(r.evaluate(ev(true, false, false))).toEqual({ matched: true, identifiers: { a: true, b: false } });
  });
  it("unknown identifiers and empty patterns are errors", () => {
    const i1 = tryCompileSigmaRule(ruleWith({ a: { A: 1 }, condition: "a and missing" })).issues;
    expect(i1[0]).toMatchObject({ code: "condition", message: expect.stringMatching(/unknown search identifier 'missing'/), offset: 6 });
    const i2 = tryCompileSigmaRule(ruleWith({ a: { A: 1 }, condition: "1 of filter_*" })).issues;
    expect(i2[0]?.message).toMatch(/matches no search identifier/);
  });
  it("warns about search identifiers the condition never uses", () => {
    const { compiled, issues } = tryCompileSigmaRule(ruleWith({ a: { A: 1 }, forgotten: { B: 1 }, condition: "a" }));
    expect(compiled).not.toBeNull();
    expect(issues).toEqual([expect.objectContaining({ severity: "warning", path: ["detection", "forgotten"], message: expect.stringMatching(/not used/) })]);
    expect(tryCompileSigmaRule(ruleWith({ a: { A: 1 }, _b: { B: 1 }, condition: "1 of them" })).issues.map((i) => i.path)).toEqual([["detection", "_b"]]);
  });
  it("aggregations are reported as unsupported, never evaluated as no-match", () => {
    const { compiled, issues } = tryCompileSigmaRule(ruleWith({ a: { A: 1 }, condition: "a | count() > 5", timeframe: "5m" }));
    expect(compiled).toBeNull();
    expect(issues.filter((i) => i.severity === "error")).toEqual([expect.objectContaining({ code: "unsupported", construct: "aggregation" })]);
  });
});
