import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { syntheticDetections } from "@/bench/synthetic";
import { allTechniques } from "@/lib/attack/catalog";
import { CONFIDENCES, DATA_COMPONENTS, SEVERITIES, platformIds } from "@/lib/content/schema";
import {
  applyFilters,
  DEFAULT_SORT,
  emptyFilters,
  facetCounts,
  FILTER_KEYS,
  filtersHref,
  pageHref,
  paginate,
  parseFilters,
  parsePage,
  serializeFilters,
  SORT_KEYS,
  withoutValue,
  type DetectionFilters,
  type FilterVocabulary,
} from "./filters";

const detections = syntheticDetections(allTechniques(), 300, 7);
const vocab: FilterVocabulary = {
  tactic: ["TA0043", "TA0042", "TA0001", "TA0002", "TA0003", "TA0004", "TA0005", "TA0112", "TA0006", "TA0007", "TA0008", "TA0009", "TA0011", "TA0010", "TA0040"],
  platform: platformIds,
  severity: SEVERITIES,
  confidence: CONFIDENCES,
  source: DATA_COMPONENTS,
  table: [...new Set(detections.flatMap((d) => d.requiredTables))].sort(),
};

const filtersArb: fc.Arbitrary<DetectionFilters> = fc
  .record({
    tactic: fc.subarray([...vocab.tactic]),
    platform: fc.subarray([...vocab.platform]),
    severity: fc.subarray([...vocab.severity]),
    confidence: fc.subarray([...vocab.confidence]),
    source: fc.subarray([...vocab.source], { maxLength: 4 }),
    table: fc.subarray([...vocab.table]),
    sort: fc.constantFrom(...SORT_KEYS),
  })
  // Canonical order is vocabulary order (subarray keeps it).
  .map((f) => f);

describe("filter URL round trip", () => {
  it("parse(serialize(f)) gives back f for any valid filter state", () => {
    fc.assert(
      fc.property(filtersArb, (f) => {
        const qs = serializeFilters(f);
        const back = parseFilters(new URLSearchParams(qs), vocab);
        expect(back.invalid).toEqual([]);
        expect(back.filters).toEqual(f);
      }),
    );
  });

  it("accepts the object form Next passes pages, and comma lists", () => {
    const a = parseFilters({ tactic: ["TA0005", "ta0004"], platform: "sentinel,SPLUNK" }, vocab);
    expect(a.filters.tactic).toEqual(["TA0004", "TA0005"]);
    expect(a.filters.platform).toEqual(["sentinel", "splunk"]);
    expect(serializeFilters(a.filters)).toBe("tactic=TA0004&tactic=TA0005&platform=sentinel&platform=splunk");
  });

  it("canonicalises case and spelling, so equal states make equal URLs", () => {
    const a = parseFilters(new URLSearchParams("table=deviceprocessevents&severity=HIGH&source=process creation"), vocab);
    expect(a.invalid).toEqual([]);
    expect(serializeFilters(a.filters)).toBe("severity=high&source=Process+Creation&table=DeviceProcessEvents");
  });

  it("an empty state is the bare path", () => {
    expect(serializeFilters(emptyFilters())).toBe("");
    expect(filtersHref("/detections", emptyFilters())).toBe("/detections");
    expect(filtersHref("/detections", { ...emptyFilters(), sort: "updated" })).toBe("/detections?sort=updated");
  });

  it("removing one value keeps the others", () => {
    const f = parseFilters(new URLSearchParams("tactic=TA0005&tactic=TA0004&platform=sentinel"), vocab).filters;
    expect(serializeFilters(withoutValue(f, "tactic", "TA0005"))).toBe("tactic=TA0004&platform=sentinel");
  });
});

describe("bad input", () => {
  it.each([
    ["tactic=<script>alert(1)</script>", "tactic"],
    ["tactic=TA9999", "tactic"],
    ["platform=' OR 1=1 --", "platform"],
    ["table=%F0%9F%A6%80", "table"],
    ["severity=" + "x".repeat(5000), "severity"],
    ["sort=random", "sort"],
  ])("%s is reported, not thrown, and matches nothing", (qs, key) => {
    const parsed = parseFilters(new URLSearchParams(qs), vocab);
    expect(parsed.invalid.map((i) => i.key)).toContain(key);
    expect(parsed.invalid.every((i) => i.value.length <= 60)).toBe(true);
    if (key !== "sort") expect(applyFilters(detections, parsed)).toEqual([]);
    else expect(parsed.filters.sort).toBe(DEFAULT_SORT);
  });

  it("ignores empty values, control characters and unknown keys", () => {
    const parsed = parseFilters(new URLSearchParams("tactic=&platform=%00%20&foo=bar&q=x"), vocab);
    expect(parsed.invalid).toEqual([]);
    expect(parsed.filters).toEqual(emptyFilters());
  });

  it("caps the number of values read per key", () => {
    const qs = Array.from({ length: 500 }, () => "tactic=nope").join("&");
    expect(parseFilters(new URLSearchParams(qs), vocab).invalid.length).toBe(50);
  });

  it("never throws on arbitrary strings", () => {
    fc.assert(
      fc.property(fc.dictionary(fc.constantFrom(...FILTER_KEYS, "sort", "x"), fc.array(fc.string({ unit: "binary" }), { maxLength: 4 })), (raw) => {
        const parsed = parseFilters(raw, vocab);
        expect(() => applyFilters(detections, parsed)).not.toThrow();
      }),
    );
  });
});

describe("applying filters", () => {
  it("ANDs across facets and ORs within one", () => {
    const parsed = parseFilters(new URLSearchParams("tactic=TA0005&tactic=TA0002&platform=sentinel"), vocab);
    const got = applyFilters(detections, parsed);
    expect(got.length).toBeGreaterThan(0);
    for (const d of got) {
      expect(d.platform).toBe("sentinel");
      expect(d.tactics.some((t) => t === "TA0005" || t === "TA0002")).toBe(true);
    }
    const expected = detections.filter((d) => d.platform === "sentinel" && (d.tactics.includes("TA0005") || d.tactics.includes("TA0002")));
    expect(got.length).toBe(expected.length);
  });

  it("sorts by technique ID, or newest update first", () => {
    const byId = applyFilters(detections, parseFilters(new URLSearchParams(""), vocab));
    const ids = byId.map((d) => d.technique);
    expect(ids).toEqual([...ids].sort((a, b) => a.localeCompare(b, "en", { numeric: true })));
    const byDate = applyFilters(detections, parseFilters(new URLSearchParams("sort=updated"), vocab));
    const dates = byDate.map((d) => d.modified);
    expect(dates).toEqual([...dates].sort().reverse());
  });

  it("counts each facet value against the other facets", () => {
    const f = parseFilters(new URLSearchParams("platform=sentinel"), vocab).filters;
    const counts = facetCounts(detections, f, vocab);
    // Platform counts ignore the platform filter itself.
    expect([...counts.platform.values()].reduce((a, b) => a + b, 0)).toBe(detections.length);
    // Severity counts respect it.
    expect([...counts.severity.values()].reduce((a, b) => a + b, 0)).toBe(detections.filter((d) => d.platform === "sentinel").length);
  });
});

describe("pagination", () => {
  it("pages through filtered results and keeps the filters in page links", () => {
    const list = Array.from({ length: 250 }, (_, i) => i);
    expect(paginate(list, 1).items).toHaveLength(100);
    expect(paginate(list, 3)).toMatchObject({ page: 3, pages: 3 });
    expect(paginate(list, 3).items).toHaveLength(50);
    expect(paginate(list, 99).page).toBe(3);
    expect(paginate([], 5)).toEqual({ items: [], page: 1, pages: 1 });
    const f = parseFilters(new URLSearchParams("tactic=TA0005&sort=updated"), vocab).filters;
    expect(pageHref("/detections", f, 2)).toBe("/detections?tactic=TA0005&sort=updated&page=2");
    expect(pageHref("/detections", f, 1)).toBe("/detections?tactic=TA0005&sort=updated");
  });

  it.each([["page=2", 2], ["page=0", 1], ["page=-3", 1], ["page=abc", 1], ["page=1e9", 1], ["", 1]])("parsePage(%s) = %d", (qs, want) => {
    expect(parsePage(new URLSearchParams(qs))).toBe(want);
  });
});
