import { describe, expect, it } from "vitest";
import { compileSigmaRule } from "./compile";
import { formatIssue } from "./issues";
import { parseSigmaCollection, parseSigmaRule } from "./parse";
import { validateSigmaRule } from "./validate";

const VALID = `title: Whoami Execution
id: 929a690e-bef0-4204-a928-ef5e620d6fcc
status: test
description: Detects whoami.exe
references:
    - https://example.test/whoami
author: Huntbook tests
date: 2024-01-15
modified: 2024-02-01
tags:
    - attack.discovery
    - attack.t1033
related:
    - id: 08fbc97d-0a2f-491c-ae21-8ffcfd3174e9
      type: derived
logsource:
    category: process_creation
    product: windows
detection:
    selection:
        Image|endswith: '\\whoami.exe'
    condition: selection
fields:
    - CommandLine
falsepositives:
    - Admin activity
level: high
custom_field: kept
`;

describe("parseSigmaRule", () => {
  it("accepts a valid rule and keeps custom fields", () => {
    const r = parseSigmaRule(VALID, { file: "whoami.yml" });
    expect(r.issues).toEqual([]);
    expect(r.ok).toBe(true);
    expect(r.kind).toBe("detection");
    expect(r.rule?.title).toBe("Whoami Execution");
    expect(r.rule?.["custom_field"]).toBe("kept");
    expect(compileSigmaRule(r.rule!).matches({ Image: "C:\\Windows\\System32\\whoami.exe" })).toBe(true);
  });

  it("reports schema errors with path, line and column", () => {
    const text = VALID.replace("status: test", "status: testing").replace("date: 2024-01-15", "date: 2024-13-15").replace("level: high", "level: severe");
    const r = parseSigmaRule(text, { file: "bad.yml" });
    expect(r.ok).toBe(false);
    const byPath = Object.fromEntries(r.issues.map((i) => [i.path.join("."), i]));
    expect(byPath["status"]).toMatchObject({ code: "schema", line: 3, column: 9, file: "bad.yml" });
    expect(byPath["status"]?.message).toMatch(/stable, test, experimental, deprecated, unsupported/);
    expect(byPath["date"]).toMatchObject({ line: 8, message: expect.stringMatching(/YYYY-MM-DD/) });
    expect(byPath["level"]).toMatchObject({ line: 27, column: 8 });
    expect(formatIssue(byPath["status"]!)).toMatch(/^bad\.yml:3:9: 'status' must be one of/);
  });

  it("checks required fields, ids, tags, uniqueness and lengths", () => {
    const issues = validateSigmaRule({
      id: "not-a-uuid",
      logsource: { product: "windows" },
      detection: { sel: { A: 1 }, condition: "sel" },
      tags: ["attack.t1059", "Attack T1059", "attack.t1059"],
      falsepositives: ["x"],
      references: "https://x",
    });
    const msgs = issues.map((i) => `${i.path.join(".")}: ${i.message}`);
    expect(msgs).toEqual(
      expect.arrayContaining([
        "title: missing required field 'title'",
        expect.stringMatching(/^id: .*UUID/),
        expect.stringMatching(/^tags\.1: .*namespace\.value/),
        expect.stringMatching(/^tags\.2: .*duplicate entry 'attack.t1059'/),
        expect.stringMatching(/^falsepositives\.0: .*at least 2 characters/),
        expect.stringMatching(/^references: .*list of strings/),
      ]),
    );
    expect(validateSigmaRule({ title: "x".repeat(257), logsource: {}, detection: { s: { A: 1 }, condition: "s" } })[0]?.message).toMatch(/at most 256/);
    expect(validateSigmaRule({ title: "t", logsource: {}, detection: { s: { A: 1 } } }).map((i) => i.message)).toContain("missing required field 'detection.condition'");
    expect(validateSigmaRule({ title: "t", detection: { s: { A: 1 }, condition: "s" } }).map((i) => i.message)).toContain("missing required field 'logsource'");
    expect(validateSigmaRule({ title: "t", logsource: {}, detection: { s: { A: 1 }, condition: "s" }, date: "2023-02-30" })[0]?.message).toMatch(/calendar date/);
  });

  it("locates detection errors at the offending key or value", () => {
    const text = `title: t
logsource:
    product: windows
detection:
    selection:
        Image|endswith: x
        CommandLine|bogus: y
        Size|lt: abc
    condition: selection and not filter
`;
    const r = parseSigmaRule(text, { file: "r.yml" });
    const lines = r.issues.map((i) => formatIssue(i));
    expect(lines).toEqual([
      "r.yml:7:9: unsupported: unknown or unsupported modifier 'bogus' in 'CommandLine|bogus' (at detection.selection[\"CommandLine|bogus\"])",
      "r.yml:8:18: modifier 'lt' needs a number, got 'abc' (at detection.selection[\"Size|lt\"])",
      "r.yml:9:34: condition references unknown search identifier 'filter' (at detection.condition)",
    ]);
  });

  it("locates list items", () => {
    const text = "title: t\nlogsource: {}\ndetection:\n    sel:\n        Ip|cidr:\n            - 10.0.0.0/8\n            - 10.0.0.0/99\n    condition: sel\n";
    const r = parseSigmaRule(text);
    expect(r.issues[0]).toMatchObject({ path: ["detection", "sel", "Ip|cidr", 1], line: 7, column: 15 });
  });

  it("reports YAML syntax errors with positions", () => {
    const r = parseSigmaRule("title: t\ndetection:\n  sel: [a, b\n  condition: sel\n", { file: "y.yml" });
    expect(r.ok).toBe(false);
    expect(r.rule).toBeNull();
    expect(r.issues[0]).toMatchObject({ code: "yaml", file: "y.yml" });
    expect(r.issues[0]?.line).toBeGreaterThan(0);
  });

  it("reports duplicate keys", () => {
    const r = parseSigmaRule("title: a\ntitle: b\nlogsource: {}\ndetection: {s: {A: 1}, condition: s}\n");
    expect(r.issues[0]).toMatchObject({ code: "yaml", line: 2, message: expect.stringMatching(/unique/i) });
  });

  it("keeps non-canonical numbers as written (hex, leading zeros)", () => {
    const r = parseSigmaRule("title: t\nlogsource: {}\ndetection:\n    sel:\n        TicketOptions: 0x40810000\n        Code: 007\n        EventID: 4769\n    condition: sel\n");
    const sel = (r.rule?.detection["sel"] ?? {}) as Record<string, unknown>;
    expect(sel).toEqual({ TicketOptions: "0x40810000", Code: "007", EventID: 4769 });
    const c = compileSigmaRule(r.rule!);
    expect(c.matches({ TicketOptions: "0x40810000", Code: "007", EventID: "4769" })).toBe(true);
  });

  it("reports correlation and filter documents as unsupported", () => {
    const corr = parseSigmaRule("title: Many failed logons\ncorrelation:\n    type: event_count\n    rules: [failed_logon]\n    timespan: 5m\n    group-by: [User]\n    condition:\n        gte: 10\n");
    expect(corr.kind).toBe("correlation");
    expect(corr.rule).toBeNull();
    expect(corr.issues).toEqual([expect.objectContaining({ code: "unsupported", construct: "correlation rule", line: 2 })]);
    const filt = parseSigmaRule("title: f\nlogsource: {product: windows}\nfilter:\n    rules: [x]\n    selection: {User: a}\n    condition: not selection\n");
    expect(filt.issues[0]).toMatchObject({ construct: "filter rule" });
  });
});

describe("multi-document files", () => {
  const COLLECTION = `action: global
title: Suspicious tool
logsource:
    product: windows
detection:
    condition: selection
level: high
---
logsource:
    category: process_creation
detection:
    selection:
        Image|endswith: '\\tool.exe'
---
logsource:
    category: file_event
detection:
    selection:
        TargetFilename|endswith: '\\tool.log'
`;
  it("applies action: global to every following rule", () => {
    const c = parseSigmaCollection(COLLECTION);
    expect(c.ok).toBe(true);
    expect(c.rules.map((r) => r.document)).toEqual([1, 2]);
    const [a, b] = c.rules.map((r) => r.rule);
    expect(a?.title).toBe("Suspicious tool");
    expect(a?.logsource).toEqual({ product: "windows", category: "process_creation" });
    expect(b?.logsource).toEqual({ product: "windows", category: "file_event" });
    expect(compileSigmaRule(b!).matches({ TargetFilename: "C:\\x\\tool.log" })).toBe(true);
  });
  it("parseSigmaRule refuses a collection of several rules, clearly", () => {
    const r = parseSigmaRule(COLLECTION);
    expect(r.ok).toBe(false);
    expect(r.issues.at(-1)).toMatchObject({ code: "unsupported", construct: "rule collection", message: expect.stringMatching(/2 detection rules/) });
  });
  it("reports issues with the document index", () => {
    const c = parseSigmaCollection("title: a\nlogsource: {}\ndetection: {s: {A: 1}, condition: s}\n---\ntitle: b\nlogsource: {}\ndetection: {s: {A: 1}, condition: t}\n");
    expect(c.rules).toHaveLength(2);
    expect(c.issues).toEqual([expect.objectContaining({ document: 1, line: 7, code: "condition" })]);
  });
  it("a correlation rule next to its base rule: the base rule is kept, the correlation reported", () => {
    const c = parseSigmaCollection("title: base\nname: base\nlogsource: {}\ndetection: {s: {A: 1}, condition: s}\n---\ntitle: corr\ncorrelation: {type: event_count, rules: [base], timespan: 1h, condition: {gte: 5}}\n");
    expect(c.rules).toHaveLength(1);
    expect(c.issues).toEqual([expect.objectContaining({ construct: "correlation rule", document: 1 })]);
  });
});
