/**
 * Ranking search over the public index. Pure and synchronous: runs in the browser on every
 * keystroke (the benchmark in bench/search.bench.ts keeps it well under 10 ms for the catalogue).
 *
 * Ranking tiers: exact technique (or tactic) ID, then ID prefix, then name/title prefix, then
 * every word of the query starting a word of the name/title, then plain text containment. Within a
 * tier, tactics come before techniques, techniques before detections, parents before
 * sub-techniques, then ATT&CK ID order.
 */
import { normalizeTacticId, normalizeTechniqueId } from "@/lib/attack/ids";
import type { SearchIndexFile } from "./types";

export interface SearchResult {
  kind: "tactic" | "technique" | "detection";
  /** Unique within one result list. */
  key: string;
  href: string;
  /** Technique ID (tactic ID for a tactic). */
  techniqueId: string;
  label: string;
  detail: string;
  score: number;
}

export interface SearchOutcome {
  /** The normalised query that was searched ("" when there was nothing to search). */
  query: string;
  /** The technique (or tactic) an exact ID in the query names, in any accepted form. */
  exact: SearchResult | null;
  /** Ranked results (the exact match, when there is one, is the first). */
  results: SearchResult[];
}

export const SCORE = {
  exactId: 1000,
  idPrefix: 800,
  namePrefix: 600,
  titlePrefix: 550,
  nameWords: 400,
  titleWords: 380,
  nameContains: 300,
  text: 200,
} as const;

/** Longest query we look at; longer input is cut, never rejected. */
export const MAX_QUERY = 100;

interface TechRow {
  id: string;
  idLower: string;
  name: string;
  nameLower: string;
  words: string[];
  isSub: boolean;
  detections: number;
  order: number;
}

interface TacticRow {
  id: string;
  idLower: string;
  name: string;
  nameLower: string;
  words: string[];
  order: number;
}

interface DetRow {
  technique: string;
  techniqueLower: string;
  platform: string;
  title: string;
  titleLower: string;
  words: string[];
  hay: string;
  order: number;
}

const WORD_SPLIT = /[^\p{L}\p{N}]+/u;

/** NFKC, lower case, control characters dropped, whitespace collapsed, length capped. */
export function normalizeQuery(raw: string): string {
  return raw
    .normalize("NFKC")
    .replace(/[\p{Cc}\p{Cf}]/gu, " ")
    .toLowerCase()
    .replace(/\s+/g, " ")
    .trim()
    .slice(0, MAX_QUERY)
    .trim();
}

/** `1055`, `t1055/0`, `T1055-00` as a technique-ID prefix (`t1055.0`), or null. */
export function idPrefix(q: string): string | null {
  const m = /^t?(\d{1,4})(?:[./\-_ ](\d{0,3}))?$/.exec(q);
  if (!m) return null;
  if (m[2] !== undefined && m[1]!.length < 4) return null;
  return `t${m[1]}${m[2] !== undefined ? `.${m[2]}` : ""}`;
}

interface Scored {
  score: number;
  kindRank: number;
  sub: number;
  order: number;
  ref: RowRef;
}

type RowRef = { kind: "tactic"; row: TacticRow } | { kind: "technique"; row: TechRow } | { kind: "detection"; row: DetRow };

function before(a: Scored, b: Scored): boolean {
  return a.score !== b.score ? a.score > b.score : a.kindRank !== b.kindRank ? a.kindRank < b.kindRank : a.sub !== b.sub ? a.sub < b.sub : a.order < b.order;
}

/** Keeps the best k by insertion: O(n·k) with k ≈ 8, no sort of every match on one-letter queries. */
class TopK {
  readonly items: Scored[] = [];
  constructor(private readonly k: number) {}
  offer(score: number, kindRank: number, sub: number, order: number, ref: RowRef) {
    if (this.k === 0) return;
    const items = this.items;
    const last = items[items.length - 1];
    const cand: Scored = { score, kindRank, sub, order, ref };
    if (items.length === this.k && last && !before(cand, last)) return;
    let i = items.length;
    while (i > 0 && before(cand, items[i - 1]!)) i--;
    items.splice(i, 0, cand);
    if (items.length > this.k) items.pop();
  }
}

function allWordsPrefix(tokens: readonly string[], words: readonly string[]): boolean {
  for (const tok of tokens) {
    let found = false;
    for (const w of words)
      if (w.startsWith(tok)) {
        found = true;
        break;
      }
    if (!found) return false;
  }
  return true;
}

function containsAll(hay: string, tokens: readonly string[]): boolean {
  for (const tok of tokens) if (!hay.includes(tok)) return false;
  return true;
}

export class SearchEngine {
  private readonly tactics: TacticRow[];
  private readonly techs: TechRow[];
  private readonly dets: DetRow[];
  private readonly techById: Map<string, TechRow>;
  private readonly platforms: Record<string, string>;

  constructor(index: SearchIndexFile) {
    this.platforms = index.platforms;
    this.tactics = (index.a ?? []).map(([id, name], order) => {
      const nameLower = name.toLowerCase();
      return { id, idLower: id.toLowerCase(), name, nameLower, words: nameLower.split(WORD_SPLIT).filter(Boolean), order };
    });
    this.techs = index.t.map(([id, name, detections], order) => {
      const nameLower = name.toLowerCase();
      return { id, idLower: id.toLowerCase(), name, nameLower, words: nameLower.split(WORD_SPLIT).filter(Boolean), isSub: id.includes("."), detections, order };
    });
    this.techById = new Map(this.techs.map((t) => [t.id, t]));
    this.dets = index.d.map(([technique, platform, title, text], order) => {
      const titleLower = title.toLowerCase();
      return {
        technique,
        techniqueLower: technique.toLowerCase(),
        platform,
        title,
        titleLower,
        words: titleLower.split(WORD_SPLIT).filter(Boolean),
        hay: `${titleLower}\n${text.toLowerCase()}`,
        order,
      };
    });
  }

  get techniqueCount(): number {
    return this.techs.length;
  }

  private techResult(t: TechRow, score: number): SearchResult {
    const n = t.detections;
    return {
      kind: "technique",
      key: `t:${t.id}`,
      href: `/techniques/${t.id}`,
      techniqueId: t.id,
      label: `${t.id} ${t.name}`,
      detail: n > 0 ? `${n} detection${n === 1 ? "" : "s"}` : t.isSub ? "Sub-technique" : "Technique",
      score,
    };
  }

  private tacticResult(t: TacticRow, score: number): SearchResult {
    return { kind: "tactic", key: `a:${t.id}`, href: `/tactics/${t.id}`, techniqueId: t.id, label: `${t.id} ${t.name}`, detail: "Tactic", score };
  }

  private detResult(d: DetRow, score: number): SearchResult {
    return {
      kind: "detection",
      key: `d:${d.technique}/${d.platform}`,
      href: `/techniques/${d.technique}/${d.platform}`,
      techniqueId: d.technique,
      label: d.title,
      detail: `${d.technique} · ${this.platforms[d.platform] ?? d.platform} detection`,
      score,
    };
  }

  search(raw: string, limit = 8): SearchOutcome {
    const q = normalizeQuery(raw);
    if (!q) return { query: "", exact: null, results: [] };
    const id = normalizeTechniqueId(q);
    const exactRow = id ? this.techById.get(id) : undefined;
    const tacticId = normalizeTacticId(q);
    const exactTactic = tacticId ? this.tactics.find((t) => t.id === tacticId) : undefined;
    const exact = exactRow ? this.techResult(exactRow, SCORE.exactId) : exactTactic ? this.tacticResult(exactTactic, SCORE.exactId) : null;
    // A well-formed sub-technique ID that does not exist (T1055.099): offer its parent.
    const parentOfUnknown = id && !exactRow && id.includes(".") ? this.techById.get(id.slice(0, id.indexOf("."))) : undefined;
    const prefix = parentOfUnknown ? null : idPrefix(q);
    const tokens = q.split(" ").filter(Boolean);

    // Score first, build result objects only for the few that are shown.
    const keep = Math.max(0, exact ? limit - 1 : limit);
    const top = new TopK(keep);
    for (const t of this.tactics) {
      if (t === exactTactic) continue;
      let s = 0;
      if (t.idLower.startsWith(q) && q.length >= 3) s = SCORE.idPrefix - (t.idLower.length - q.length);
      else if (t.nameLower.startsWith(q)) s = SCORE.namePrefix;
      else if (allWordsPrefix(tokens, t.words)) s = SCORE.nameWords;
      if (s > 0) top.offer(s, -1, 0, t.order, { kind: "tactic", row: t });
    }
    for (const t of this.techs) {
      if (t === exactRow) continue;
      let s = 0;
      if (prefix && t.idLower.startsWith(prefix)) s = SCORE.idPrefix - (t.idLower.length - prefix.length);
      else if (t.nameLower.startsWith(q)) s = SCORE.namePrefix;
      else if (allWordsPrefix(tokens, t.words)) s = SCORE.nameWords;
      else if (containsAll(t.nameLower, tokens)) s = SCORE.nameContains;
      if (s > 0) top.offer(s, 0, t.isSub ? 1 : 0, t.order, { kind: "technique", row: t });
    }
    for (const d of this.dets) {
      let s = 0;
      if (prefix && d.techniqueLower.startsWith(prefix)) s = (exactRow && d.technique === exactRow.id ? SCORE.idPrefix + 50 : SCORE.idPrefix) - (d.techniqueLower.length - prefix.length);
      else if (d.titleLower.startsWith(q)) s = SCORE.titlePrefix;
      else if (allWordsPrefix(tokens, d.words)) s = SCORE.titleWords;
      else if (containsAll(d.hay, tokens)) s = SCORE.text;
      if (s > 0) top.offer(s, 1, 0, d.order, { kind: "detection", row: d });
    }
    if (parentOfUnknown) top.offer(SCORE.idPrefix, 0, 0, parentOfUnknown.order, { kind: "technique", row: parentOfUnknown });
    const rest = top.items.map(({ ref, score }) =>
      ref.kind === "tactic" ? this.tacticResult(ref.row, score) : ref.kind === "technique" ? this.techResult(ref.row, score) : this.detResult(ref.row, score),
    );
    return { query: q, exact, results: exact ? [exact, ...rest] : rest };
  }
}
