import { describe, expect, it } from "vitest";
import { compileSigmaRule, tryCompileSigmaRule } from "./compile";
import { prepareEvent } from "./event";
import { matchingIndexes, matchRule } from "./match";
import type { SigmaRule } from "./types";
import { ruleWith, selErrors, selMatches } from "./test-helpers";

describe("search identifiers", () => {
  it("a map is AND of its fields", () => {
    const sel = { Image: "*\\cmd.exe", "CommandLine|contains": "whoami" };
    expect(selMatches(sel, { Image: "C:\\cmd.exe", CommandLine: "whoami" })).toBe(true);
    expect(selMatches(sel, { Image: "C:\\cmd.exe", CommandLine: "dir" })).toBe(false);
    expect(selMatches(sel, { CommandLine: "whoami" })).toBe(false);
  });
  it("a list of maps is OR of the maps", () => {
    const sel = [{ "Image|endswith": "\\example.exe" }, { "Description|contains": "Test executable" }];
    expect(selMatches(sel, { Image: "C:\\example.exe" })).toBe(true);
    expect(selMatches(sel, { Description: "A Test executable here" })).toBe(true);
    expect(selMatches(sel, { Image: "C:\\other.exe", Description: "nothing" })).toBe(false);
  });
  it("a list of strings is a keyword search (OR, substring, case-insensitive, any field)", () => {
    const sel = ["EVILSERVICE", "svchost.exe -n evil"];
    expect(selMatches(sel, { msg: "started evilservice now" })).toBe(true);
    expect(selMatches(sel, { a: "x", b: { c: ["y", "run svchost.exe -n evil"] } })).toBe(true);
    expect(selMatches(sel, { msg: "svchost.exe -n good" })).toBe(false);
  });
  it("keywords with '|all' need every keyword", () => {
    const sel = { "|all": ["OabVirtualDirectory", " -ExternalUrl "] };
    expect(selMatches(sel, { msg: "Set-OabVirtualDirectory -ExternalUrl http://x" })).toBe(true);
    expect(selMatches(sel, { a: "Set-OabVirtualDirectory", b: "x -ExternalUrl y" })).toBe(true);
    expect(selMatches(sel, { msg: "Set-OabVirtualDirectory" })).toBe(false);
  });
  it("keywords may use wildcards and numbers", () => {
    expect(selMatches(["mimi*katz"], { m: "x mimiXXkatz y" })).toBe(true);
    expect(selMatches([4625], { EventID: 4625 })).toBe(true);
  });
  it("keywords with a modifier key ('|re')", () => {
    expect(selMatches({ "|re": "ev[i1]l" }, { m: "an ev1l thing" })).toBe(true);
  });
  it("rejects malformed search identifiers", () => {
    expect(selErrors({})[0]?.message).toMatch(/empty map/);
    expect(selErrors([])[0]?.message).toMatch(/empty list/);
    expect(selErrors("just a string")[0]?.message).toMatch(/must be a map/);
    expect(selErrors([["nested"]])[0]?.message).toMatch(/nested lists/);
    expect(selErrors({ Image: { nested: "map" } })[0]?.message).toMatch(/must be a string, number, boolean or null/);
    expect(selErrors({ Image: [] })[0]?.message).toMatch(/empty list of values/);
    expect(selErrors([null])[0]?.message).toMatch(/null is not a valid keyword/);
  });
});

describe("compileSigmaRule / matchRule", () => {
  const rule: SigmaRule = ruleWith({
    selection: { EventID: 4688, "NewProcessName|endswith": "\\whoami.exe" },
    filter_system: { SubjectUserName: "SYSTEM" },
    condition: "selection and not 1 of filter_*",
  });
  it("compiles once and matches many events", () => {
    const c = compileSigmaRule(rule);
    const events = [
      { EventID: 4688, NewProcessName: "C:\\Windows\\System32\\whoami.exe", SubjectUserName: "bob" },
      { EventID: 4688, NewProcessName: "C:\\Windows\\System32\\whoami.exe", SubjectUserName: "SYSTEM" },
      { EventID: 4689, NewProcessName: "C:\\Windows\\System32\\whoami.exe" },
    ];
    expect(matchingIndexes(c, events)).toEqual([0]);
    expect(c.identifiers).toEqual(["selection", "filter_system"]);
    expect(c.title).toBe("Test rule");
  });
  it("matchRule returns match / no-match with identifier results", () => {
    expect(matchRule(rule, { EventID: "4688", NewProcessName: "x\\whoami.exe" })).toEqual({
      status: "match",
      matched: true,
      identifiers: { selection: true, filter_system: false },
    });
    expect(matchRule(rule, { EventID: 1 })).toMatchObject({ status: "no-match", matched: false });
    expect(matchRule(compileSigmaRule(rule), prepareEvent({ EventID: 1 })).status).toBe("no-match");
  });
  it("matchRule reports unsupported constructs instead of 'no match'", () => {
    const agg = matchRule(ruleWith({ sel: { A: 1 }, condition: "sel | count() by B > 3" }), { A: 1 });
    expect(agg).toMatchObject({ status: "unsupported", matched: null, issues: [expect.objectContaining({ construct: "aggregation" })] });
    const near = matchRule(ruleWith({ a: { A: 1 }, b: { B: 1 }, condition: "a near b" }), { A: 1 });
    expect(near).toMatchObject({ status: "unsupported", issues: [expect.objectContaining({ construct: "near" })] });
    const mod = matchRule(ruleWith({ sel: { "A|nope": 1 }, condition: "sel" }), { A: 1 });
    expect(mod).toMatchObject({ status: "unsupported", issues: [expect.objectContaining({ construct: "modifier 'nope'" })] });
    const ph = matchRule(ruleWith({ sel: { "User|expand": "%Admins%" }, condition: "sel" }), { User: "x" });
    expect(ph).toMatchObject({ status: "unsupported", issues: [expect.objectContaining({ construct: "placeholder %Admins%" })] });
    const corr = matchRule({ title: "c", correlation: { type: "event_count", rules: ["x"], timespan: "1h" } } as unknown as SigmaRule, {});
    expect(corr).toMatchObject({ status: "unsupported", issues: [expect.objectContaining({ construct: "correlation rule" })] });
  });
  it("matchRule reports invalid rules", () => {
    const bad = matchRule(ruleWith({ sel: { A: 1 }, condition: "sel and" }), { A: 1 });
    expect(bad).toMatchObject({ status: "invalid", matched: null });
    expect(matchRule(ruleWith({ condition: "x" }), {})).toMatchObject({ status: "invalid" });
  });
  it("compileSigmaRule throws SigmaRuleError with the issues", () => {
    expect(() => compileSigmaRule(ruleWith({ sel: { A: 1 }, condition: "other" }))).toThrowError(/unknown search identifier 'other'/);
  });
  it("tryCompileSigmaRule keeps warnings on the compiled rule", () => {
    const { compiled } = tryCompileSigmaRule(ruleWith({ sel: { "A|contains|all": ["x"] }, condition: "sel" }));
    expect(compiled?.warnings[0]?.message).toMatch(/single value has no effect/);
  });
  it("is fast enough to match many rules against many events", () => {
    const rules = Array.from({ length: 100 }, (_, i) =>
      compileSigmaRule(
        ruleWith({
          selection: { "Image|endswith": [`\\tool${i}.exe`, `\\other${i}.exe`], "CommandLine|contains|all": ["-a", `-x${i}`] },
          filter: { "ParentImage|startswith": "C:\\Program Files\\" },
          condition: "selection and not filter",
        }),
      ),
    );
    const events = Array.from({ length: 2000 }, (_, i) =>
      prepareEvent({ Image: `C:\\bin\\tool${i % 150}.exe`, CommandLine: `tool -a -x${i % 150}`, ParentImage: "C:\\Windows\\explorer.exe" }),
    );
    const t0 = performance.now();
    let hits = 0;
    for (const ev of events) for (const r of rules) if (r.matches(ev)) hits++;
    const ms = performance.now() - t0;
    expect(hits).toBe(Array.from({ length: 2000 }, (_, i) => (i % 150 < 100 ? 1 : 0) as number).reduce((a, b) => a + b, 0));
    expect(ms).toBeLessThan(2000);
  });
});
