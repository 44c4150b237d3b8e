/**
 * The public search index as shipped to the browser (/search-index.json). Tuples keep it small:
 * about 700 techniques and up to 1000 detections must stay under 100 kB gzipped.
 * Only public facts go in here (catalogue + public detection front matter); see build.ts.
 */
export interface SearchIndexFile {
  v: 1;
  attackVersion: string;
  /** Platform id to short label. */
  platforms: Record<string, string>;
  /** [tactic ID, name], matrix order. */
  a: [id: string, name: string][];
  /** [technique ID, full name, number of detections for it]. Catalogue order. */
  t: [id: string, name: string, detections: number][];
  /** [technique ID, platform id, title, searchable text: description, tables and data sources]. */
  d: [technique: string, platform: string, title: string, text: string][];
}
