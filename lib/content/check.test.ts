import { cpSync, mkdtempSync, readFileSync, rmSync, unlinkSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { checkDetectionFiles } from "./check";
import { discoverDetections, formatIssue } from "./source";

/**
 * Negative fixtures: each case copies the real T1055 detection into a temporary content folder,
 * breaks one thing, and expects content:check's exact `file:line: reason`.
 */

const REAL = path.join(process.cwd(), "content");
const dirs: string[] = [];

function fixture(mutate: (root: string) => void): string {
  const root = mkdtempSync(path.join(os.tmpdir(), "huntbook-content-"));
  dirs.push(root);
  cpSync(path.join(REAL, "detections/T1055"), path.join(root, "detections/T1055"), { recursive: true });
  cpSync(path.join(REAL, "pro/T1055"), path.join(root, "pro/T1055"), { recursive: true });
  mutate(root);
  return root;
}

function edit(root: string, rel: string, from: string | RegExp, to: string) {
  const p = path.join(root, rel);
  const text = readFileSync(p, "utf8");
  const next = text.replace(from, to);
  if (next === text) throw new Error(`fixture edit did not apply to ${rel}: ${String(from)}`);
  writeFileSync(p, next);
}

async function check(root: string) {
  const { detections, issues } = await checkDetectionFiles(discoverDetections(root));
  return { detections, messages: issues.map((i) => formatIssue({ ...i, file: path.relative(root, path.resolve(i.file)) })) };
}

afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

const MDX = "detections/T1055/sentinel.mdx";

function lineOf(root: string, rel: string, needle: string): number {
  const text = readFileSync(path.join(root, rel), "utf8");
  return text.slice(0, text.indexOf(needle)).split("\n").length;
}

describe("content check", () => {
  it("accepts the real T1055 detection", async () => {
    const { detections, messages } = await check(fixture(() => {}));
    expect(messages).toEqual([]);
    expect(detections).toHaveLength(1);
    expect(detections[0]?.frontmatter.technique).toBe("T1055");
  });

  it("rejects an unknown technique id with its line", async () => {
    const root = fixture((r) => {
      cpSync(path.join(r, "detections/T1055"), path.join(r, "detections/T1999"), { recursive: true });
      cpSync(path.join(r, "pro/T1055"), path.join(r, "pro/T1999"), { recursive: true });
      rmSync(path.join(r, "detections/T1055"), { recursive: true });
      edit(r, "detections/T1999/sentinel.mdx", "technique: T1055", "technique: T1999");
    });
    const { messages } = await check(root);
    const line = lineOf(root, "detections/T1999/sentinel.mdx", "technique: T1999");
    expect(messages).toContain(`detections/T1999/sentinel.mdx:${line}: unknown technique id T1999 (not in ATT&CK v19)`);
  });

  it("rejects a tactic the technique does not have", async () => {
    const root = fixture((r) => edit(r, MDX, "tactics: [TA0005, TA0004]", "tactics: [TA0005, TA0006]"));
    const { messages } = await check(root);
    expect(messages).toContain(
      `${MDX}:${lineOf(root, MDX, "tactics:")}: tactic mismatch: TA0006 (Credential Access) is not a tactic of T1055; it has TA0004, TA0005`,
    );
  });

  it("rejects an atomic GUID that is not in the index", async () => {
    const root = fixture((r) => edit(r, MDX, "69534efc-d5f5-4550-89e6-12c6457b9edd", "69534efc-d5f5-4550-89e6-000000000000"));
    const { messages } = await check(root);
    expect(messages).toContain(
      `${MDX}:${lineOf(root, MDX, "69534efc-d5f5-4550-89e6-000000000000")}: atomic test 69534efc-d5f5-4550-89e6-000000000000 is not in the Atomic Red Team index`,
    );
  });

  it("rejects an atomic test of an unrelated technique", async () => {
    // 0be2230c... is "Dump LSASS.exe Memory using ProcDump" (T1003.001)
    const root = fixture((r) => edit(r, MDX, "69534efc-d5f5-4550-89e6-12c6457b9edd", "0be2230c-9ab3-4ac2-8826-3199b9a0ebf8"));
    const { messages } = await check(root);
    expect(messages.join("\n")).toMatch(/atomic test 0be2230c-9ab3-4ac2-8826-3199b9a0ebf8 exercises T1003\.001, not T1055/);
  });

  it("reports a missing sidecar", async () => {
    const root = fixture((r) => unlinkSync(path.join(r, "detections/T1055/sentinel.sigma.yml")));
    const { messages, detections } = await check(root);
    expect(detections).toHaveLength(0);
    expect(messages).toContain("detections/T1055/sentinel.sigma.yml:1: missing sidecar: Sigma rule (" + path.join(root, "detections/T1055/sentinel.sigma.yml").replace(process.cwd() + path.sep, "") + ") not found");
  });

  it("reports malformed YAML in the frontmatter with its line", async () => {
    const root = fixture((r) => edit(r, MDX, "severity: high", "severity: [high"));
    const { messages } = await check(root);
    expect(messages.some((m) => m.startsWith(`${MDX}:`) && m.includes("malformed YAML frontmatter"))).toBe(true);
  });

  it("reports malformed YAML in the Sigma rule with its line and column", async () => {
    const root = fixture((r) => edit(r, "detections/T1055/sentinel.sigma.yml", "level: high", "level: high\n  bad: [indent"));
    const { messages } = await check(root);
    expect(messages.some((m) => /^detections\/T1055\/sentinel\.sigma\.yml:\d+:\d+: malformed YAML/.test(m))).toBe(true);
  });

  it("rejects duplicate ids across files", async () => {
    const root = fixture((r) => {
      cpSync(path.join(r, "detections/T1055"), path.join(r, "detections/T1055.001"), { recursive: true });
      cpSync(path.join(r, "pro/T1055"), path.join(r, "pro/T1055.001"), { recursive: true });
      edit(r, "detections/T1055.001/sentinel.mdx", "technique: T1055", "technique: T1055.001");
    });
    const { messages } = await check(root);
    expect(messages.some((m) => m.includes("duplicate id de4cfce5-b403-4abf-95d7-e95abd8a6804"))).toBe(true);
  });

  it("rejects a schema violation with the field's line", async () => {
    const root = fixture((r) => edit(r, MDX, "confidence: medium", "confidence: sure"));
    const { messages } = await check(root);
    expect(messages).toContain(`${MDX}:${lineOf(root, MDX, "confidence: sure")}: confidence: Invalid option: expected one of "low"|"medium"|"high"`);
  });

  it("rejects Defense Evasion tags, which do not exist in v19", async () => {
    const root = fixture((r) => edit(r, "detections/T1055/sentinel.sigma.yml", "  - attack.stealth", "  - attack.defense-evasion"));
    const { messages } = await check(root);
    expect(messages.join("\n")).toMatch(/attack\.defense-evasion does not exist in ATT&CK v19/);
    expect(messages.join("\n")).toMatch(/tags must include attack\.stealth/);
  });

  it("rejects a body without its required sections, components outside the allow-list and JS expressions", async () => {
    const root = fixture((r) => {
      edit(r, MDX, "## What the detection does", "## What it does");
      edit(r, MDX, "The Sigma rule expresses", "<Script>x</Script> {process.env.SECRET} The Sigma rule expresses");
    });
    const { messages } = await check(root);
    const all = messages.join("\n");
    expect(all).toMatch(/missing section "## What the detection does"/);
    expect(all).toMatch(/component <Script> is not allowed/);
    expect(all).toMatch(/JavaScript expressions/);
  });

  it("treats <Placeholders> inside inline code as text, not components", async () => {
    const root = fixture((r) => edit(r, MDX, "The Sigma rule expresses", "Run `schtasks /tn \"<TaskName>\"` first. The Sigma rule expresses"));
    const { messages } = await check(root);
    expect(messages).toEqual([]);
  });

  it("reports an MDX syntax error at its line", async () => {
    const root = fixture((r) => edit(r, MDX, "The Sigma rule expresses", "<div\n\nThe Sigma rule expresses"));
    const { messages } = await check(root);
    expect(messages.some((m) => /^detections\/T1055\/sentinel\.mdx:\d+(:\d+)?: MDX does not compile: /.test(m))).toBe(true);
  });

  it("rejects test events without a benign near-miss", async () => {
    const root = fixture((r) => {
      const p = path.join(r, "detections/T1055/sentinel.events.json");
      const ev = JSON.parse(readFileSync(p, "utf8")) as { benign: unknown[] };
      ev.benign = [];
      writeFileSync(p, JSON.stringify(ev, null, 2));
    });
    const { messages } = await check(root);
    expect(messages.join("\n")).toMatch(/benign: at least one benign near-miss/);
  });
});
