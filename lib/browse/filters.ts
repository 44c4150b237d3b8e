/**
 * The /detections filter state and its URL form. Pure (no server-only marker): the page parses
 * searchParams with it, the Navigator export applies the same filters, tests round-trip it.
 *
 * URL shape: repeated keys, OR within a facet and AND across facets, e.g.
 * `/detections?tactic=TA0005&platform=sentinel&table=DeviceEvents&sort=updated`.
 * Values are matched case-insensitively and rewritten to their canonical spelling; anything not in
 * the vocabulary is reported in `invalid` (never thrown), so the page can explain it.
 */
import { compareTechniqueIds } from "@/lib/attack/derive";
import { normalizeTacticId } from "@/lib/attack/ids";

export const FILTER_KEYS = ["tactic", "platform", "severity", "confidence", "source", "table"] as const;
export type FilterKey = (typeof FILTER_KEYS)[number];

export const SORT_KEYS = ["technique", "updated"] as const;
export type SortKey = (typeof SORT_KEYS)[number];
export const DEFAULT_SORT: SortKey = "technique";

export type DetectionFilters = Record<FilterKey, string[]> & { sort: SortKey };
export type FilterVocabulary = Record<FilterKey, readonly string[]>;

export interface InvalidFilterValue {
  key: FilterKey | "sort";
  /** The value as given, truncated for display. */
  value: string;
}

export interface ParsedFilters {
  filters: DetectionFilters;
  invalid: InvalidFilterValue[];
}

/** What Next passes a page as searchParams, or a URLSearchParams. */
export type SearchParamsInput = URLSearchParams | Record<string, string | string[] | undefined>;

/** Caps that keep hostile URLs cheap: values per key and characters per value. */
const MAX_VALUES = 50;
const MAX_VALUE_LENGTH = 120;

export function emptyFilters(): DetectionFilters {
  return { tactic: [], platform: [], severity: [], confidence: [], source: [], table: [], sort: DEFAULT_SORT };
}

function valuesOf(input: SearchParamsInput, key: string): string[] {
  const raw = input instanceof URLSearchParams ? input.getAll(key) : ([] as string[]).concat(input[key] ?? []);
  return raw
    .flatMap((v) => (typeof v === "string" ? v.split(",") : []))
    .map((v) => v.normalize("NFKC").replace(/[\u0000-\u001f\u007f]/g, "").trim())
    .filter((v) => v.length > 0)
    .slice(0, MAX_VALUES);
}

function canonical(key: FilterKey, value: string, vocab: readonly string[]): string | undefined {
  if (value.length > MAX_VALUE_LENGTH) return undefined;
  if (key === "tactic") {
    const id = normalizeTacticId(value);
    return id && vocab.includes(id) ? id : vocab.find((v) => v.toLowerCase() === value.toLowerCase());
  }
  const lower = value.toLowerCase();
  return vocab.find((v) => v.toLowerCase() === lower);
}

function display(value: string): string {
  return value.length > 60 ? `${value.slice(0, 57)}…` : value;
}

export function parseFilters(input: SearchParamsInput, vocab: FilterVocabulary): ParsedFilters {
  const filters = emptyFilters();
  const invalid: InvalidFilterValue[] = [];
  for (const key of FILTER_KEYS) {
    const chosen = new Set<string>();
    for (const v of valuesOf(input, key)) {
      const c = canonical(key, v, vocab[key]);
      if (c) chosen.add(c);
      else invalid.push({ key, value: display(v) });
    }
    // Canonical order is vocabulary order, so equal filter sets serialise to equal URLs.
    filters[key] = vocab[key].filter((v) => chosen.has(v));
  }
  const sorts = valuesOf(input, "sort");
  const sort = sorts[sorts.length - 1];
  if (sort !== undefined) {
    const s = SORT_KEYS.find((k) => k === sort.toLowerCase());
    if (s) filters.sort = s;
    else invalid.push({ key: "sort", value: display(sort) });
  }
  return { filters, invalid };
}

/** The query string (without `?`) for a filter state; empty for "no filters, default sort". */
export function serializeFilters(f: DetectionFilters): string {
  const sp = new URLSearchParams();
  for (const key of FILTER_KEYS) for (const v of f[key]) sp.append(key, v);
  if (f.sort !== DEFAULT_SORT) sp.set("sort", f.sort);
  return sp.toString();
}

export function filtersHref(path: string, f: DetectionFilters): string {
  const qs = serializeFilters(f);
  return qs ? `${path}?${qs}` : path;
}

export function hasActiveFilters(f: DetectionFilters): boolean {
  return FILTER_KEYS.some((k) => f[k].length > 0);
}

/** The state with one value removed (for "remove this filter" links). */
export function withoutValue(f: DetectionFilters, key: FilterKey, value: string): DetectionFilters {
  return { ...f, [key]: f[key].filter((v) => v !== value) };
}

/** The fields filtering and sorting read; the public Detection type satisfies it. */
export interface FilterableDetection {
  technique: string;
  platform: string;
  tactics: readonly string[];
  severity: string;
  confidence: string;
  dataSources: readonly string[];
  requiredTables: readonly string[];
  modified: string;
}

function facetValues(d: FilterableDetection, key: FilterKey): readonly string[] {
  switch (key) {
    case "tactic":
      return d.tactics;
    case "platform":
      return [d.platform];
    case "severity":
      return [d.severity];
    case "confidence":
      return [d.confidence];
    case "source":
      return d.dataSources;
    case "table":
      return d.requiredTables;
  }
}

export function matches(d: FilterableDetection, f: DetectionFilters, except?: FilterKey): boolean {
  for (const key of FILTER_KEYS) {
    if (key === except) continue;
    const want = f[key];
    if (want.length === 0) continue;
    const have = facetValues(d, key);
    if (!want.some((w) => have.includes(w))) return false;
  }
  return true;
}

export function compareBy(sort: SortKey) {
  return (a: FilterableDetection, b: FilterableDetection): number =>
    sort === "updated"
      ? b.modified.localeCompare(a.modified) || compareTechniqueIds(a.technique, b.technique) || a.platform.localeCompare(b.platform)
      : compareTechniqueIds(a.technique, b.technique) || a.platform.localeCompare(b.platform);
}

/** Filtered and sorted; an unknown value anywhere means nothing matches (the page explains why). */
export function applyFilters<D extends FilterableDetection>(list: readonly D[], parsed: ParsedFilters): D[] {
  if (parsed.invalid.some((i) => i.key !== "sort")) return [];
  return list.filter((d) => matches(d, parsed.filters)).sort(compareBy(parsed.filters.sort));
}

/**
 * For each facet value, how many detections would match if it were chosen in that facet (the other
 * facets as they are). O(facet values × detections); about 10^5 steps for 1000 detections.
 */
export function facetCounts(list: readonly FilterableDetection[], f: DetectionFilters, vocab: FilterVocabulary): Record<FilterKey, Map<string, number>> {
  const out = {} as Record<FilterKey, Map<string, number>>;
  for (const key of FILTER_KEYS) {
    const counts = new Map<string, number>(vocab[key].map((v) => [v, 0]));
    for (const d of list) {
      if (!matches(d, f, key)) continue;
      for (const v of new Set(facetValues(d, key))) if (counts.has(v)) counts.set(v, (counts.get(v) ?? 0) + 1);
    }
    out[key] = counts;
  }
  return out;
}

/** Detections per page on /detections: keeps the page light with 1000 detections. */
export const PAGE_SIZE = 100;

export interface PageSlice<T> {
  items: T[];
  /** 1-based, clamped to the available pages. */
  page: number;
  pages: number;
}

/** Reads `page` (1-based); anything that is not a positive integer means the first page. */
export function parsePage(input: SearchParamsInput): number {
  const raw = valuesOf(input, "page")[0];
  if (!raw || !/^\d{1,6}$/.test(raw)) return 1;
  return Math.max(1, Number(raw));
}

export function paginate<T>(list: readonly T[], page: number, size = PAGE_SIZE): PageSlice<T> {
  const pages = Math.max(1, Math.ceil(list.length / size));
  const p = Math.min(Math.max(1, page), pages);
  return { items: list.slice((p - 1) * size, p * size), page: p, pages };
}

/** A page link that keeps the filters (page 1 has no `page` parameter). */
export function pageHref(path: string, f: DetectionFilters, page: number): string {
  const qs = serializeFilters(f);
  const sp = page > 1 ? `page=${page}` : "";
  const all = [qs, sp].filter(Boolean).join("&");
  return all ? `${path}?${all}` : path;
}
