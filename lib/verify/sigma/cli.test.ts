import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { main as checkMain } from "../../../scripts/verify/sigma-check";
import { main as matchMain } from "../../../scripts/verify/sigma-match";
import type { CliIO } from "./cli-util";

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../..");

function capture(): CliIO & { out: string; err: string } {
  const io = {
    out: "",
    err: "",
    stdout(t: string) {
      io.out += t;
    },
    stderr(t: string) {
      io.err += t;
    },
  };
  return io;
}

const GOOD_RULE = `title: Whoami Execution
id: 929a690e-bef0-4204-a928-ef5e620d6fcc
status: test
logsource:
    category: process_creation
    product: windows
detection:
    selection:
        Image|endswith: '\\whoami.exe'
    filter:
        User: SYSTEM
    condition: selection and not filter
level: high
`;

const BAD_RULE = `title: Broken
status: nope
logsource:
    product: windows
detection:
    selection:
        Image|endswith: '\\whoami.exe'
    condition: selection and not filter
`;

const UNSUPPORTED_RULE = `title: Brute force
logsource:
    product: windows
    service: security
detection:
    selection:
        EventID: 4625
    condition: selection | count() by IpAddress > 10
`;

const EVENTS = [
  { Image: "C:\\Windows\\System32\\whoami.exe", User: "alice", CommandLine: "whoami /all" },
  { Image: "C:\\Windows\\System32\\whoami.exe", User: "SYSTEM" },
  { Event: { System: { EventID: 1, Channel: "Microsoft-Windows-Sysmon/Operational" }, EventData: { Image: "C:\\x\\WHOAMI.EXE", User: "bob" } } },
  { Image: "C:\\Windows\\System32\\cmd.exe" },
];

let dir: string;
const p = (name: string): string => path.join(dir, name);

beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), "sigma-cli-"));
  writeFileSync(p("good.yml"), GOOD_RULE);
  writeFileSync(p("bad.yml"), BAD_RULE);
  writeFileSync(p("unsupported.yml"), UNSUPPORTED_RULE);
  writeFileSync(p("broken.yml"), "title: x\ndetection:\n  sel: [a, b\n");
  writeFileSync(p("events.json"), JSON.stringify(EVENTS, null, 2));
  writeFileSync(p("events.jsonl"), `${EVENTS.map((e) => JSON.stringify(e)).join("\n")}\n`);
  writeFileSync(p("one.json"), JSON.stringify(EVENTS[3]));
  writeFileSync(p("invalid.json"), '{"Image": "x"}\n{"Image": \n');
  mkdirSync(p("rules"));
  writeFileSync(p("rules/a.yml"), GOOD_RULE.replace("929a690e-bef0-4204-a928-ef5e620d6fcc", "11111111-2222-4333-8444-555555555555"));
  writeFileSync(p("rules/b.yaml"), GOOD_RULE.replace("Whoami Execution", "Other").replace("929a690e-bef0-4204-a928-ef5e620d6fcc", "11111111-2222-4333-8444-666666666666"));
  writeFileSync(p("dup.yml"), GOOD_RULE.replace("Whoami Execution", "Copy"));
});

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe("sigma-check", () => {
  it("exit 0 and a summary for valid rules (files and directories)", async () => {
    const io = capture();
    expect(await checkMain([p("good.yml"), p("rules")], io)).toBe(0);
    expect(io.out).toBe("sigma-check: 3 files checked: 3 valid (0 errors, 0 warnings)\n");
    expect(io.err).toBe("");
  });
  it("exit 1 with file:line:column messages for an invalid rule", async () => {
    const io = capture();
    expect(await checkMain([p("good.yml"), p("bad.yml")], io)).toBe(1);
    const lines = io.out.trim().split("\n");
    expect(lines).toEqual([
      `${p("bad.yml")}:2:9: 'status' must be one of stable, test, experimental, deprecated, unsupported (at status)`,
      `${p("bad.yml")}:8:34: condition references unknown search identifier 'filter' (at detection.condition)`,
      "sigma-check: 2 files checked: 1 valid, 1 invalid (2 errors, 0 warnings)",
    ]);
  });
  it("exit 1 and 'unsupported' for unsupported constructs", async () => {
    const io = capture();
    expect(await checkMain([p("unsupported.yml")], io)).toBe(1);
    expect(io.out).toContain("unsupported: aggregation expressions");
    expect(io.out).toContain("1 unsupported");
  });
  it("exit 2 for invalid YAML and unreadable files, with messages on stderr", async () => {
    const io = capture();
    expect(await checkMain([p("broken.yml"), p("missing.yml"), p("good.yml")], io)).toBe(2);
    expect(io.err).toMatch(new RegExp(`^${p("broken.yml").replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}:\\d+:\\d+: YAML: `, "m"));
    expect(io.err).toContain(`${p("missing.yml")}: cannot read`);
    expect(io.out).toContain("1 valid, 2 unreadable/bad YAML");
  });
  it("--json gives machine-readable results", async () => {
    const io = capture();
    expect(await checkMain(["--json", p("bad.yml"), p("good.yml")], io)).toBe(1);
    const out = JSON.parse(io.out) as { ok: boolean; exitCode: number; summary: Record<string, number>; files: Array<{ file: string; status: string; issues: Array<{ line?: number; message: string }> }> };
    expect(out.ok).toBe(false);
    expect(out.exitCode).toBe(1);
    expect(out.summary).toMatchObject({ files: 2, valid: 1, invalid: 1, errors: 2 });
    expect(out.files[0]).toMatchObject({ file: p("bad.yml"), status: "invalid" });
    expect(out.files[0]?.issues[0]).toMatchObject({ line: 2, column: 9, code: "schema" });
  });
  it("exit 2 on bad arguments", async () => {
    const io = capture();
    expect(await checkMain([], io)).toBe(2);
    expect(io.err).toContain("usage: sigma-check");
    expect(await checkMain(["--frob", p("good.yml")], capture())).toBe(2);
  });
  it("reports duplicate rule ids across files", async () => {
    const io = capture();
    expect(await checkMain([p("good.yml"), p("dup.yml")], io)).toBe(1);
    expect(io.out).toContain(`${p("dup.yml")}:2:5: duplicate rule id 929a690e-bef0-4204-a928-ef5e620d6fcc (also in ${p("good.yml")})`);
    expect(io.out).toContain("1 valid, 1 invalid");
  });
  it("prints warnings but exits 0 when there are only warnings; --quiet hides them", async () => {
    writeFileSync(p("warn.yml"), "title: w\nlogsource: {}\ndetection:\n    sel: {A: 1}\n    unused: {B: 1}\n    condition: sel\n");
    const io = capture();
    expect(await checkMain([p("warn.yml")], io)).toBe(0);
    expect(io.out).toContain(`${p("warn.yml")}:5:5: warning: search identifier 'unused' is not used by the condition`);
    expect(io.out).toContain("1 valid (0 errors, 1 warning)");
    const quiet = capture();
    expect(await checkMain(["--quiet", p("warn.yml")], quiet)).toBe(0);
    expect(quiet.out).not.toContain("warning:");
  });
  it("--placeholder values make expand rules checkable", async () => {
    writeFileSync(p("expand.yml"), "title: e\nlogsource: {}\ndetection:\n    sel:\n        User|expand: '%Admins%'\n    condition: sel\n");
    const io1 = capture();
    expect(await checkMain([p("expand.yml")], io1)).toBe(1);
    expect(io1.out).toContain("unsupported: placeholder %Admins% has no values");
    expect(await checkMain(["--placeholder", "Admins=root,admin*", p("expand.yml")], capture())).toBe(0);
  });
});

describe("sigma-match", () => {
  it("lists matching events (JSON array) and exits 0", async () => {
    const io = capture();
    expect(await matchMain([p("good.yml"), p("events.json")], io)).toBe(0);
    expect(io.out).toContain("rule: Whoami Execution (929a690e-bef0-4204-a928-ef5e620d6fcc)");
    expect(io.out).toContain("  match: event #0: Image=C:\\Windows\\System32\\whoami.exe CommandLine=whoami /all");
    expect(io.out).toContain("  match: event #2: EventID=1 Image=C:\\x\\WHOAMI.EXE");
    expect(io.out).not.toContain("event #1");
    expect(io.out.trim().split("\n").at(-1)).toBe("sigma-match: 2 of 4 events match");
  });
  it("reads JSON lines and single objects", async () => {
    expect(await matchMain([p("good.yml"), p("events.jsonl"), "--expect", "2"], capture())).toBe(0);
    const io = capture();
    expect(await matchMain([p("good.yml"), p("one.json")], io)).toBe(1);
    expect(io.out).toContain("0 of 1 event match (no match)");
  });
  it("--expect N: exit status reflects whether exactly N matched", async () => {
    expect(await matchMain(["--expect", "2", p("good.yml"), p("events.json")], capture())).toBe(0);
    const io = capture();
    expect(await matchMain(["--expect=1", p("good.yml"), p("events.json")], io)).toBe(1);
    expect(io.out).toContain("(expected 1: MISMATCH)");
    expect(await matchMain(["--expect", "0", p("good.yml"), p("one.json")], capture())).toBe(0);
  });
  it("--json output", async () => {
    const io = capture();
    expect(await matchMain(["--json", p("good.yml"), p("events.json")], io)).toBe(0);
    const out = JSON.parse(io.out) as { ok: boolean; events: number; matched: number; matches: Array<{ index: number; identifiers: Record<string, boolean> }>; rule: { title: string } };
    expect(out).toMatchObject({ ok: true, events: 4, matched: 2, rule: { title: "Whoami Execution" } });
    expect(out.matches.map((m) => m.index)).toEqual([0, 2]);
    expect(out.matches[0]?.identifiers).toEqual({ selection: true, filter: false });
  });
  it("exit 1 for an invalid or unsupported rule", async () => {
    const io = capture();
    expect(await matchMain([p("bad.yml"), p("events.json")], io)).toBe(1);
    expect(io.out).toContain("is invalid; no events evaluated");
    const io2 = capture();
    expect(await matchMain([p("unsupported.yml"), p("events.json")], io2)).toBe(1);
    expect(io2.out).toContain("unsupported: aggregation");
    expect(io2.out).toContain("is not supported");
  });
  it("exit 2 on bad input", async () => {
    const io = capture();
    expect(await matchMain([p("good.yml"), p("invalid.json")], io)).toBe(2);
    expect(io.err).toMatch(/invalid\.json: line 2: invalid JSON/);
    const io2 = capture();
    expect(await matchMain([p("nope.yml"), p("events.json")], io2)).toBe(2);
    expect(io2.err).toContain("cannot read rule");
    const io3 = capture();
    expect(await matchMain([p("broken.yml"), p("events.json")], io3)).toBe(2);
    expect(io3.err).toContain("YAML:");
    expect(await matchMain([p("good.yml"), p("missing.json")], capture())).toBe(2);
    expect(await matchMain([p("good.yml")], capture())).toBe(2);
    expect(await matchMain(["--expect", "x", p("good.yml"), p("events.json")], capture())).toBe(2);
  });
});

describe("running the scripts directly with tsx", () => {
  const tsx = path.join(repoRoot, "node_modules", ".bin", "tsx");
  it("sigma-match and sigma-check set the exit status", () => {
    const m = spawnSync(tsx, ["scripts/verify/sigma-match.ts", "--expect", "2", p("good.yml"), p("events.json")], { cwd: repoRoot, encoding: "utf8" });
    expect(m.stderr).toBe("");
    expect(m.status).toBe(0);
    expect(m.stdout).toContain("2 of 4 events match (expected 2: OK)");
    const c = spawnSync(tsx, ["scripts/verify/sigma-check.ts", p("bad.yml")], { cwd: repoRoot, encoding: "utf8" });
    expect(c.status).toBe(1);
    expect(c.stdout).toContain("1 invalid");
  });
});
