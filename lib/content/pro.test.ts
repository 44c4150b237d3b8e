import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it, vi } from "vitest";
import { _mintGrant } from "@/lib/access/grant";
import { loadProMaterial } from "./pro";
import type { Detection } from "./types";

const root = mkdtempSync(path.join(os.tmpdir(), "huntbook-pro-"));
afterAll(() => {
  vi.unstubAllEnvs();
  rmSync(root, { recursive: true, force: true });
});

const file = path.join(root, "pro", "T1055", "sentinel.mdx");
const write = (canary: string, playbook: string) =>
  writeFileSync(file, `---\ndetection: d1\ncanary: ${canary}\n---\n## Response playbook\n\n${playbook}\n\n## Tuning guidance\n\nTune it.\n`);
const detection = { id: "d1", slug: "T1055/sentinel", technique: "T1055", platform: "sentinel" } as unknown as Detection;
const grant = _mintGrant("u1", new Date());

describe("loadProMaterial", () => {
  it("parses the Pro file's sections and canary, and follows edits to the file", () => {
    vi.stubEnv("CONTENT_DIR", root);
    mkdirSync(path.dirname(file), { recursive: true });
    write("HBPRO-CANARY-ONE", "Isolate the host.");
    const first = loadProMaterial(grant, detection);
    expect(first?.canary).toBe("HBPRO-CANARY-ONE");
    expect(first?.sections["Response playbook"]).toContain("Isolate the host.");
    expect(first?.sections["Investigation guide"]).toBe("");
    // Parsed once per file version: the same result object until the file changes.
    expect(loadProMaterial(grant, detection)).toBe(first);
    write("HBPRO-CANARY-TWO", "Isolate the host and reset the account's credentials.");
    const second = loadProMaterial(grant, detection);
    expect(second?.canary).toBe("HBPRO-CANARY-TWO");
    expect(second?.sections["Response playbook"]).toContain("reset the account");
    rmSync(file);
    expect(loadProMaterial(grant, detection)).toBeNull();
  });
});
