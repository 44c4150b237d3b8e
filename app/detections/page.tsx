import type { Metadata } from "next";
import { DetectionList } from "@/components/browse/DetectionList";
import { FilterForm } from "@/components/browse/FilterForm";
import styles from "@/components/browse/browse.module.css";
import { allTactics } from "@/lib/attack/catalog";
import {
  applyFilters,
  emptyFilters,
  facetCounts,
  filtersHref,
  FILTER_KEYS,
  hasActiveFilters,
  pageHref,
  PAGE_SIZE,
  paginate,
  parseFilters,
  parsePage,
  serializeFilters,
  withoutValue,
  type DetectionFilters,
  type FilterKey,
  type InvalidFilterValue,
} from "@/lib/browse/filters";
import { filterVocabulary } from "@/lib/browse/vocab";
import { allDetections } from "@/lib/content/detections";
import { PLATFORMS, type Platform } from "@/lib/content/schema";
import { detectionRow } from "@/lib/content/views";
import { pageMetadata } from "@/lib/metadata";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const LABELS: Record<FilterKey, string> = {
  tactic: "Tactic",
  platform: "Platform",
  severity: "Severity",
  confidence: "Confidence",
  source: "Data source",
  table: "Required table",
};

export async function generateMetadata({ searchParams }: Props): Promise<Metadata> {
  const sp = await searchParams;
  const filtered = Object.keys(sp).length > 0;
  return pageMetadata({
    title: "Detection library",
    description:
      "Every Huntbook detection: filter by ATT&CK tactic, platform, severity, confidence, data source and required table; sort by technique ID or last update; export the view as an ATT&CK Navigator layer.",
    path: "/detections",
    index: !filtered,
  });
}

function valueLabel(key: FilterKey, v: string): string {
  if (key === "tactic") {
    const t = allTactics().find((x) => x.id === v);
    return t ? `${t.name} (${t.id})` : v;
  }
  if (key === "platform") return PLATFORMS[v as Platform]?.label ?? v; // v is from the platform vocabulary
  return v;
}

export default async function DetectionsPage({ searchParams }: Props) {
  const all = await allDetections();
  const vocab = filterVocabulary(all);
  const sp = await searchParams;
  const parsed = parseFilters(sp, vocab);
  const { filters, invalid } = parsed;
  const list = applyFilters(all, parsed);
  const slice = paginate(list, parsePage(sp));
  const counts = facetCounts(all, filters, vocab);
  const qs = serializeFilters(filters);
  const active = hasActiveFilters(filters);
  const layerHref = `/navigator-layer.json${serializeFilters({ ...filters, sort: "technique" }) ? `?${serializeFilters({ ...filters, sort: "technique" })}` : ""}`;

  return (
    <>
      <h1>Detection library</h1>
      <p className="mt1 mb2">
        {all.length} detection{all.length === 1 ? "" : "s"} for {new Set(all.map((d) => d.technique)).size} ATT&amp;CK technique
        {new Set(all.map((d) => d.technique)).size === 1 ? "" : "s"}. Choose filters and press Apply; the address bar keeps the filters, so you
        can share or bookmark the view.
      </p>

      <FilterForm action="/detections" key={`${qs}|${invalid.length}`}>
        {FILTER_KEYS.map((key) => (
          <label key={key} className={styles.field}>
            {LABELS[key]}
            <select name={key} defaultValue={filters[key][0] ?? ""} data-testid={`filter-${key}`}>
              <option value="">Any</option>
              {vocab[key].map((v) => (
                <option key={v} value={v}>
                  {valueLabel(key, v)} ({counts[key].get(v) ?? 0})
                </option>
              ))}
            </select>
            {filters[key].slice(1).map((v) => (
              <input key={v} type="hidden" name={key} value={v} />
            ))}
          </label>
        ))}
        <label className={styles.field}>
          Sort by
          <select name="sort" defaultValue={filters.sort === "technique" ? "" : filters.sort} data-testid="filter-sort">
            <option value="">Technique ID</option>
            <option value="updated">Last update (newest first)</option>
          </select>
        </label>
        <div className={styles.actions}>
          <button type="submit" className={styles.button}>
            Apply
          </button>
          {(active || invalid.length > 0 || filters.sort !== "technique") && (
            <a href="/detections" className={`${styles.button} ${styles.secondary}`}>
              Clear all
            </a>
          )}
        </div>
      </FilterForm>

      {active && (
        <ul className={styles.chips} aria-label="Active filters">
          {FILTER_KEYS.flatMap((key) =>
            filters[key].map((v) => (
              <li key={`${key}:${v}`}>
                <a className={styles.chip} href={filtersHref("/detections", withoutValue(filters, key, v))} aria-label={`Remove filter ${LABELS[key]}: ${valueLabel(key, v)}`}>
                  {LABELS[key]}: {valueLabel(key, v)} <span aria-hidden="true">✕</span>
                </a>
              </li>
            )),
          )}
        </ul>
      )}

      <div className={styles.toolbar}>
        <p role="status" data-testid="result-count">
          {invalid.length > 0
            ? "No results"
            : slice.pages > 1
              ? `Showing ${(slice.page - 1) * PAGE_SIZE + 1}–${(slice.page - 1) * PAGE_SIZE + slice.items.length} of ${list.length} matching (${all.length} in all)`
              : `Showing ${list.length} of ${all.length} detection${all.length === 1 ? "" : "s"}`}
          {filters.sort === "updated" ? ", newest first" : ", by technique ID"}
        </p>
        <a className={`${styles.button} ${styles.secondary}`} href={layerHref} download={active ? "huntbook-filtered-layer.json" : "huntbook-coverage-layer.json"} data-testid="navigator-download">
          Download this view as an ATT&amp;CK Navigator layer
        </a>
      </div>

      {invalid.length > 0 ? (
        <InvalidFilters invalid={invalid} filters={filters} />
      ) : list.length === 0 ? (
        <div className={styles.empty} data-testid="empty-state">
          <h2 className="mb1">
            No detection matches all of these filters
          </h2>
          <p>
            Remove a filter above (each chip removes itself), or <a href="/detections">clear all filters</a>. Techniques without a detection
            yet are still listed on the <a href="/">ATT&amp;CK matrix</a>.
          </p>
        </div>
      ) : (
        <>
          <DetectionList rows={slice.items.map(detectionRow)} headingLevel={2} />
          {slice.pages > 1 && (
            <nav aria-label="Pages" className={styles.toolbar} data-testid="pager">
              {slice.page > 1 ? <a href={pageHref("/detections", filters, slice.page - 1)}>← Previous page</a> : <span />}
              <span>
                Page {slice.page} of {slice.pages}
              </span>
              {slice.page < slice.pages ? <a href={pageHref("/detections", filters, slice.page + 1)}>Next page →</a> : <span />}
            </nav>
          )}
        </>
      )}
    </>
  );
}

function InvalidFilters({ invalid, filters }: { invalid: InvalidFilterValue[]; filters: DetectionFilters }) {
  const keep = filtersHref("/detections", filters);
  return (
    <div className={styles.empty} data-testid="empty-state">
      <h2 className="mb1">
        Some filter values are not recognised
      </h2>
      <ul>
        {invalid.map((i, n) => (
          <li key={n}>
            {i.key === "sort" ? "Sort order" : LABELS[i.key]} “<span data-testid="invalid-value">{i.value}</span>” is not one of ours
            {i.key === "tactic" ? " (tactic IDs look like TA0005)" : i.key === "sort" ? " (use technique or updated)" : ""}.
          </li>
        ))}
      </ul>
      <p>
        {hasActiveFilters(filters) || filters.sort !== emptyFilters().sort ? (
          <>
            <a href={keep}>Keep only the recognised filters</a> or <a href="/detections">clear all filters</a>.
          </>
        ) : (
          <a href="/detections">Show all detections</a>
        )}
      </p>
    </div>
  );
}
