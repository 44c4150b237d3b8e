import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { checkDetectionFiles } from "@/lib/content/check";
import { discoverDetections } from "@/lib/content/source";
import { verifyDetectionSigma } from "./sigma-verifier";

const root = path.join(process.cwd(), "content");

async function t1055() {
  const src = discoverDetections(root).filter((s) => s.dirName === "T1055");
  const { detections } = await checkDetectionFiles(src);
  const d = detections[0];
  if (!d) throw new Error("T1055 fixture missing");
  return d;
}

describe("Sigma verification of detection test events", () => {
  it("the T1055 rule matches its true positives and none of its benign events", async () => {
    const { issues, result } = verifyDetectionSigma(await t1055());
    expect(issues).toEqual([]);
    expect(result).toMatchObject({ truePositives: 3, benign: 3, missed: [], falseMatches: [] });
  });

  it("reports a true positive the rule misses and a benign event it matches", async () => {
    const d = await t1055();
    const tp = d.events.truePositives[0]!;
    const broken = {
      ...d,
      events: {
        truePositives: [{ ...tp, event: { ...tp.event, TargetImage: "C:\\Tools\\calc.exe", StartFunction: "Main" } }],
        benign: [{ description: "renamed copy", event: { SourceImage: "C:\\Temp\\x.exe", TargetImage: "C:\\Windows\\explorer.exe" } }],
      },
    };
    const { issues } = verifyDetectionSigma(broken);
    expect(issues.map((i) => i.reason)).toEqual([
      expect.stringMatching(/^true positive 1 .* does not match the Sigma rule$/),
      'benign event 1 ("renamed copy") matches the Sigma rule',
    ]);
  });

  it("reports an invalid rule with its line", async () => {
    const d = await t1055();
    const text = readFileSync(d.source.sigmaPath, "utf8").replace("condition: 1 of selection_* and not 1 of filter_main_*", "condition: selection_nope and");
    const { issues } = verifyDetectionSigma({ ...d, sigmaText: text });
    expect(issues.length).toBeGreaterThan(0);
    expect(issues[0]?.file).toMatch(/sentinel\.sigma\.yml$/);
    expect(issues[0]?.line).toBeGreaterThan(1);
  });
});
