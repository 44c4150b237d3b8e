import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import attackFile from "@/content/catalog/attack-v19.json";
import atomicFile from "@/content/catalog/atomic-tests.json";
import { allTactics, allTechniques, atomicTestsFor, getAtomicTest, getTechnique, shortName, subTechniques, suggestTechniques } from "./catalog";
import { deriveAtomicIndex, deriveAttackCatalog } from "./derive";

describe("the committed ATT&CK v19 catalogue", () => {
  it("has the 15 v19 tactics in matrix order, with Stealth and Defense Impairment and no Defense Evasion", () => {
    const names = allTactics().map((t) => `${t.id} ${t.name}`);
    expect(names).toHaveLength(15);
    expect(names[0]).toBe("TA0043 Reconnaissance");
    expect(names).toContain("TA0005 Stealth");
    expect(names).toContain("TA0112 Defense Impairment");
    expect(names.indexOf("TA0112 Defense Impairment")).toBe(names.indexOf("TA0005 Stealth") + 1);
    expect(names.at(-1)).toBe("TA0040 Impact");
    expect(names.join()).not.toMatch(/Defense Evasion/);
  });

  it("has 697 techniques, 222 of them top-level", () => {
    expect(allTechniques()).toHaveLength(697);
    expect(allTechniques().filter((t) => !t.parent)).toHaveLength(222);
  });

  it("knows T1055's facts", () => {
    const t = getTechnique("T1055");
    expect(t).toMatchObject({ name: "Process Injection", tactics: ["TA0004", "TA0005"], parent: null });
    expect(t?.platforms).toEqual(expect.arrayContaining(["Windows", "Linux", "macOS"]));
    expect(subTechniques("T1055").map((s) => s.id)).toContain("T1055.012");
    const sub = getTechnique("T1055.001");
    expect(sub?.parent).toBe("T1055");
    expect(sub && shortName(sub)).toBe("Dynamic-link Library Injection");
  });

  it("indexes Atomic Red Team tests by GUID and technique", () => {
    expect(getAtomicTest("74496461-11a1-4982-b439-4d87a550d254")).toMatchObject({ technique: "T1055.001", number: 1 });
    expect(getAtomicTest("00000000-0000-0000-0000-000000000000")).toBeUndefined();
    expect(atomicTestsFor("T1055").length).toBeGreaterThanOrEqual(10);
  });

  it("suggests close matches for mistyped IDs and names", () => {
    expect(suggestTechniques("T1055.999")[0]?.id).toBe("T1055");
    expect(suggestTechniques("T1056")[0]?.id).toMatch(/^T105[56]$/);
    expect(suggestTechniques("process injection").map((t) => t.id)).toContain("T1055");
    expect(suggestTechniques("")).toEqual([]);
  });
});

const shared = path.resolve(process.cwd(), "../shared/data");
const haveShared = existsSync(path.join(shared, "attack/enterprise-v19-catalog.json"));

describe.skipIf(!haveShared)("catalogue import conformance (reads ../shared/data)", () => {
  it("the committed files are exactly what scripts/import-catalogs.ts derives now", () => {
    const attack = deriveAttackCatalog(JSON.parse(readFileSync(path.join(shared, "attack/enterprise-v19-catalog.json"), "utf8")));
    const atomic = deriveAtomicIndex(JSON.parse(readFileSync(path.join(shared, "atomic-red-team/tests.json"), "utf8")));
    expect(attackFile).toEqual(attack);
    expect(atomicFile).toEqual(atomic);
    expect(atomic.tests).toHaveLength(1819);
  });
});

if (!haveShared) console.warn("skipping catalogue import conformance: ../shared/data is not present (it is not part of a user's clone)");
