import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { main, parseArgs } from "@/scripts/verify/kql-check";

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

async function run(...argv: string[]): Promise<Run> {
  let stdout = "";
  let stderr = "";
  const code = await main(argv, { stdout: (t) => void (stdout += t), stderr: (t) => void (stderr += t) });
  return { code, stdout, stderr };
}

let dir = "";
const file = (name: string): string => path.join(dir, name);

beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), "kql-check-"));
  writeFileSync(file("good.kql"), "DeviceProcessEvents\n| where FileName =~ \"rundll32.exe\"\n| project Timestamp, DeviceName\n");
  writeFileSync(file("bad.kql"), "DeviceProcessEvents\n| where NoSuchColumn == 1\n");
  writeFileSync(file("portal.kql"), "AADSignInEventsBeta | where TimeGenerated > ago(1d) | take 1\n");
  writeFileSync(
    file("hunt.mdx"),
    "# Hunting\n\n```kql\nDeviceEvents | take 1\n```\n\nText.\n\n```kusto\nDeviceFileEvents\n| where Bogus > 1\n```\n",
  );
  writeFileSync(file("notes.txt"), "DeviceEvents");
  mkdirSync(file("folder.kql"));
});

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe("kql-check CLI", () => {
  it("exits 0 on clean files and prints a summary", async () => {
    const r = await run(file("good.kql"));
    expect(r.code).toBe(0);
    expect(r.stdout).toBe("kql-check (sentinel): 1 file, 1 query, 0 errors, 0 warnings\n");
    expect(r.stderr).toBe("");
  });

  it("exits 1 on findings, as file:line:column: KSxxx message", async () => {
    const r = await run(file("good.kql"), file("bad.kql"), file("hunt.mdx"));
    expect(r.code).toBe(1);
    const lines = r.stdout.trimEnd().split("\n");
    expect(lines[0]).toMatch(new RegExp(`^${escape(file("bad.kql"))}:2:9: KS142 .*NoSuchColumn`));
    expect(lines[1]).toMatch(new RegExp(`^${escape(file("hunt.mdx"))}:11:9: KS142 .*Bogus`));
    expect(lines[2]).toBe("kql-check (sentinel): 3 files, 4 queries, 2 errors, 0 warnings");
  });

  it("checks against the chosen flavour", async () => {
    const sentinel = await run(file("portal.kql"));
    expect(sentinel.code).toBe(1);
    expect(sentinel.stdout).toMatch(/KS204 'AADSignInEventsBeta' is a Microsoft Defender XDR table available only in the Defender portal/);
    const defender = await run("--flavour", "defender", file("portal.kql"));
    expect(defender.code).toBe(1);
    expect(defender.stdout).toMatch(/portal\.kql:1:29: KS142 .*TimeGenerated/);
    expect(defender.stdout).not.toMatch(/KS204/);
    expect((await run("--flavour=defender", file("good.kql"))).code).toBe(0);
  });

  it("prints machine-readable JSON with --json", async () => {
    const r = await run("--json", file("bad.kql"), file("good.kql"));
    expect(r.code).toBe(1);
    const doc = JSON.parse(r.stdout) as {
      flavour: string;
      files: Array<{ file: string; queries: number; diagnostics: Array<Record<string, unknown>> }>;
      summary: Record<string, number>;
    };
    expect(doc.flavour).toBe("sentinel");
    expect(doc.summary).toEqual({ files: 2, queries: 2, errors: 1, warnings: 0 });
    expect(doc.files[0]?.diagnostics[0]).toMatchObject({ code: "KS142", severity: "error", line: 2, column: 9, query: 0 });
    expect(doc.files[1]).toEqual({ file: file("good.kql"), queries: 1, diagnostics: [] });
  });

  it("reports lint as warnings only with --lint, without failing", async () => {
    const f = file("lint.kql");
    writeFileSync(f, "DeviceEvents | join (DeviceProcessEvents) on DeviceId\n");
    expect((await run(f)).stdout).toBe("kql-check (sentinel): 1 file, 1 query, 0 errors, 0 warnings\n");
    const r = await run("--lint", f);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/:1:\d+: KS508 warning: /);
  });

  it("exits 2 on bad input with a clear message", async () => {
    const unknown = await run("--colour", file("good.kql"));
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/unknown option --colour/);
    const missing = await run(file("missing.kql"));
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain(`${file("missing.kql")}: cannot read (no such file)`);
    const unsupported = await run(file("notes.txt"));
    expect(unsupported.code).toBe(2);
    expect(unsupported.stderr).toMatch(/not a \.kql, \.md or \.mdx file/);
    const directory = await run(file("folder.kql"));
    expect(directory.code).toBe(2);
    expect(directory.stderr).toMatch(/folder\.kql: cannot read \(is a directory\)/);
    expect((await run("--flavour", "azure", file("good.kql"))).stderr).toMatch(/unknown flavour 'azure'/);
    expect((await run("--flavour")).code).toBe(2);
    expect((await run()).stderr).toMatch(/no files given/);
    expect(unknown.stdout).toBe("");
  });

  it("parses options", () => {
    expect(parseArgs(["--", "--odd-name.kql"])).toEqual({
      ok: true,
      options: { flavour: "sentinel", json: false, lint: false, files: ["--odd-name.kql"] },
    });
    expect(parseArgs(["-h"])).toEqual({ ok: "help" });
  });

  it("runs directly with tsx and sets the exit status", () => {
    const tsx = path.resolve("node_modules", "tsx", "dist", "cli.mjs");
    const script = path.resolve("scripts", "verify", "kql-check.ts");
    const bad = spawnSync(process.execPath, [tsx, script, file("bad.kql")], { encoding: "utf8" });
    expect(bad.status).toBe(1);
    expect(bad.stdout).toMatch(/bad\.kql:2:9: KS142/);
    const usage = spawnSync(process.execPath, [tsx, script, "--nope"], { encoding: "utf8" });
    expect(usage.status).toBe(2);
    expect(usage.stderr).toMatch(/usage: kql-check/);
  });
});

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
