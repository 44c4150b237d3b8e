import { describe, expect, it } from "vitest";
import { blockPositionToFile, extractKqlBlocks } from "./markdown";
import { LineIndex } from "./position";
import { checkKqlSource, kqlSourceKindForPath } from "./source";

const MDX = [
  "---", //                                   1
  "title: Example", //                        2
  "notes: |", //                              3
  "  ```kql", //                              4  (inside front matter: not a block)
  "  NotAQuery", //                           5
  "  ```", //                                 6
  "---", //                                   7
  "", //                                      8
  "## Hunting queries", //                    9
  "", //                                      10
  "```kql", //                                11
  "DeviceEvents", //                          12
  "| take 10", //                             13
  "```", //                                   14
  "", //                                      15
  "```powershell", //                         16
  "Get-Process", //                           17
  "```", //                                   18
  "", //                                      19
  '~~~kusto title="second"', //               20
  "DeviceProcessEvents", //                   21
  "| where Nope == 1", //                     22
  "~~~", //                                   23
  "", //                                      24
  "````markdown", //                          25
  "```kql", //                                26 (an example inside another fence)
  "Ignored", //                               27
  "```", //                                   28
  "````", //                                  29
  "", //                                      30
  "<Callout>", //                             31
  "  ```KQL", //                              32
  "  DeviceFileEvents", //                    33
  "  | where Bad == 1", //                    34
  "  ```", //                                 35
  "</Callout>", //                            36
].join("\n");

describe("extractKqlBlocks", () => {
  it("finds ```kql and ~~~kusto blocks with the line of their first query line", () => {
    const blocks = extractKqlBlocks(MDX);
    expect(blocks.map((b) => ({ line: b.line, lang: b.lang, code: b.code }))).toEqual([
      { line: 12, lang: "kql", code: "DeviceEvents\n| take 10" },
      { line: 21, lang: "kusto", code: "DeviceProcessEvents\n| where Nope == 1" },
      { line: 33, lang: "KQL", code: "DeviceFileEvents\n| where Bad == 1" },
    ]);
    expect(blocks[2]?.indents).toEqual([2, 2]);
  });

  it("handles CRLF, an empty block and an unclosed fence", () => {
    const text = "intro\r\n```kql\r\n```\r\ntext\r\n```kusto\r\nDeviceInfo\r\n| take 1";
    const blocks = extractKqlBlocks(text);
    expect(blocks.map((b) => [b.line, b.code])).toEqual([
      [3, ""],
      [6, "DeviceInfo\n| take 1"],
    ]);
  });

  it("needs a closing fence at least as long as the opening one", () => {
    const blocks = extractKqlBlocks("````kql\nDeviceEvents\n```\n| take 1\n````\n");
    expect(blocks.map((b) => b.code)).toEqual(["DeviceEvents\n```\n| take 1"]);
  });

  it("ignores inline code and other languages", () => {
    expect(extractKqlBlocks("```kql``` is inline code, not a fence\n```sql\nselect 1\n```\n")).toEqual([]);
  });

  it("maps block positions back to the file, including stripped indentation", () => {
    const [, , indented] = extractKqlBlocks(MDX);
    if (!indented) throw new Error("missing block");
    expect(blockPos(indented, 2, 9)).toEqual({ line: 34, column: 11 });
  });
});

function blockPos(block: Parameters<typeof blockPositionToFile>[0], line: number, column: number) {
  return blockPositionToFile(block, { line, column });
}

describe("LineIndex", () => {
  it("gives 1-based positions across \\n, \\r\\n and \\r", () => {
    const idx = new LineIndex("ab\ncd\r\nef\rgh");
    expect(idx.positionAt(0)).toEqual({ line: 1, column: 1 });
    expect(idx.positionAt(3)).toEqual({ line: 2, column: 1 });
    expect(idx.positionAt(7)).toEqual({ line: 3, column: 1 });
    expect(idx.positionAt(10)).toEqual({ line: 4, column: 1 });
    expect(idx.positionAt(99)).toEqual({ line: 4, column: 3 });
    expect(idx.lineCount).toBe(4);
  });
});

describe("checkKqlSource", () => {
  it("reports Markdown block findings at file line:column", () => {
    const r = checkKqlSource(MDX, "markdown");
    expect(r.queries).toHaveLength(3);
    expect(r.errorCount).toBe(2);
    expect(r.diagnostics.map((d) => [d.code, d.line, d.column, d.query])).toEqual([
      ["KS142", 22, 9, 1],
      ["KS142", 34, 11, 2],
    ]);
    expect(MDX.split("\n")[21]?.slice(8, 12)).toBe("Nope");
    expect(MDX.split("\n")[33]?.slice(10, 13)).toBe("Bad");
  });

  it("treats a .kql file as one query", () => {
    const r = checkKqlSource("\uFEFFDeviceEvents\n| where Nope == 1\n", "kql");
    expect(r.queries).toHaveLength(1);
    expect(r.diagnostics.map((d) => [d.code, d.line, d.column])).toEqual([["KS142", 2, 9]]);
  });

  it("knows which files hold KQL", () => {
    expect(kqlSourceKindForPath("content/detections/T1055/sentinel.kql")).toBe("kql");
    expect(kqlSourceKindForPath("content/pro/T1055/sentinel.MDX")).toBe("markdown");
    expect(kqlSourceKindForPath("README.md")).toBe("markdown");
    expect(kqlSourceKindForPath("rule.yml")).toBeNull();
  });
});
