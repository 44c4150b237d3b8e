import { describe, expect, it } from "vitest";
import type { MatrixCell, MatrixColumn } from "@/lib/content/views";
import { cellHtml, columnsHtml, coverageText, esc } from "./html";

const CLS = { head: "h", cells: "c", subsLink: "s" };

const cell = (over: Partial<MatrixCell> = {}): MatrixCell => ({
  id: "T1055",
  name: "Process Injection",
  count: 1,
  platforms: ["sentinel"],
  subCount: 3,
  subs: [
    { id: "T1055.001", shortName: "Dynamic-link Library Injection", count: 1, platforms: ["sentinel"] },
    { id: "T1055.002", shortName: "Portable Executable Injection", count: 0, platforms: [] },
  ],
  ...over,
});

describe("matrix HTML", () => {
  it("escapes every value", () => {
    expect(esc(`<a href="x">&'`)).toBe("&lt;a href=&quot;x&quot;&gt;&amp;&#39;");
    const html = cellHtml(cell({ name: `<img src=x onerror="alert(1)">`, subs: [] }), "link", CLS);
    expect(html).not.toContain("<img");
    expect(html).toContain("&lt;img src=x onerror=&quot;alert(1)&quot;&gt;");
  });

  it("home cells: ID, name, count, and the sub-technique count as a link", () => {
    const html = cellHtml(cell(), "link", CLS);
    expect(html).toBe(
      '<li data-technique="T1055" data-covered="true"><a href="/techniques/T1055"><b>T1055</b> Process Injection</a>' +
        '<small data-testid="count-T1055">✓ 1 detection · Sentinel (+3 in sub-techniques)</small>' +
        '<a class="s" href="/techniques/T1055#sub-techniques">2 sub-techniques<span class="visually-hidden"> of T1055</span></a></li>',
    );
    expect(html).not.toContain("T1055.001");
  });

  it("tactic-page cells fold the sub-techniques in <details>", () => {
    const html = cellHtml(cell(), "list", CLS);
    expect(html).toContain("<details><summary>2 sub-techniques");
    expect(html).toContain('<li data-technique="T1055.001" data-covered="true"><a href="/techniques/T1055.001"><b>T1055.001</b> Dynamic-link Library Injection</a>');
    expect(html).toContain('<small data-testid="count-T1055.001">✓ 1 detection · Sentinel</small>');
    expect(html).toContain('<li data-technique="T1055.002" data-covered="false">');
  });

  it("uncovered cells carry no count text; sub-technique detections alone still count as covered", () => {
    expect(cellHtml(cell({ count: 0, subCount: 0, platforms: [], subs: [] }), "link", CLS)).toBe(
      '<li data-technique="T1055" data-covered="false"><a href="/techniques/T1055"><b>T1055</b> Process Injection</a></li>',
    );
    expect(coverageText({ count: 0, platforms: [], subCount: 2 })).toBe("✓ 2 detections in sub-techniques");
    expect(cellHtml(cell({ count: 0, platforms: [], subCount: 2 }), "link", CLS)).toContain('data-covered="true"');
  });

  it("columns: one item per tactic with its heading link and stats", () => {
    const col: MatrixColumn = { tactic: { id: "TA0005", name: "Stealth", shortname: "stealth" }, techniques: [cell()], covered: 1, detections: 4 };
    const html = columnsHtml([col], CLS);
    expect(html.startsWith('<li data-tactic="TA0005"><div class="h"><h3><a href="/tactics/TA0005">Stealth</a></h3><p>TA0005 · 1 techniques · 1 covered</p></div><ul class="c" aria-label="Stealth techniques">')).toBe(true);
    expect(html.endsWith("</ul></li>")).toBe(true);
  });
});
