/**
 * ATT&CK Navigator layer export (layer format 4.5, enterprise-attack, ATT&CK v19): one entry per
 * technique we have detections for, scored and coloured by how many platforms we cover.
 * Pure: the route handler passes in coverage computed from public detections.
 */

export interface LayerTechniqueCoverage {
  id: string;
  /** Detections for exactly this technique. */
  count: number;
  /** Platform labels of those detections. */
  platforms: string[];
  /** Detection titles, for the cell comment. */
  titles: string[];
}

export interface LayerInput {
  name: string;
  description: string;
  attackVersion: string;
  /** ATT&CK platforms to show (the catalogue's platform vocabulary). */
  attackPlatforms: string[];
  coverage: LayerTechniqueCoverage[];
  /** Parent techniques whose sub-techniques have coverage: expanded in the Navigator. */
  expandParents: string[];
  siteUrl: string;
}

export interface NavigatorTechnique {
  techniqueID: string;
  score?: number;
  color?: string;
  comment?: string;
  enabled: boolean;
  metadata: { name: string; value: string }[];
  links: { label: string; url: string }[];
  showSubtechniques: boolean;
}

export interface NavigatorLayer {
  name: string;
  versions: { attack: string; navigator: string; layer: "4.5" };
  domain: "enterprise-attack";
  description: string;
  filters: { platforms: string[] };
  sorting: number;
  layout: {
    layout: "side" | "flat" | "mini";
    aggregateFunction: "average" | "min" | "max" | "sum";
    showID: boolean;
    showName: boolean;
    showAggregateScores: boolean;
    countUnscored: boolean;
    expandedSubtechniques: "none" | "annotated" | "all";
  };
  hideDisabled: boolean;
  techniques: NavigatorTechnique[];
  gradient: { colors: string[]; minValue: number; maxValue: number };
  legendItems: { label: string; color: string }[];
  metadata: { name: string; value: string }[];
  links: { label: string; url: string }[];
  showTacticRowBackground: boolean;
  tacticRowBackground: string;
  selectTechniquesAcrossTactics: boolean;
  selectSubtechniquesWithParent: boolean;
  selectVisibleTechniques: boolean;
}

/** Colour by number of platforms covered: one, two, three or more. */
export const COVERAGE_COLORS = ["#c7e9c0", "#74c476", "#238b45"] as const;

export function coverageColor(platforms: number): string {
  return COVERAGE_COLORS[Math.min(Math.max(platforms, 1), COVERAGE_COLORS.length) - 1]!;
}

export function navigatorLayer(input: LayerInput): NavigatorLayer {
  const covered = new Set(input.coverage.filter((c) => c.count > 0).map((c) => c.id));
  const techniques: NavigatorTechnique[] = input.coverage
    .filter((c) => c.count > 0)
    .map((c) => ({
      techniqueID: c.id,
      score: c.count,
      color: coverageColor(new Set(c.platforms).size),
      comment: `${c.count} Huntbook detection${c.count === 1 ? "" : "s"} (${c.platforms.join(", ")}): ${c.titles.join("; ")}`.slice(0, 1000),
      enabled: true,
      metadata: [{ name: "platforms", value: c.platforms.join(", ") }],
      links: [{ label: `Huntbook ${c.id}`, url: `${input.siteUrl}/techniques/${c.id}` }],
      showSubtechniques: input.expandParents.includes(c.id),
    }));
  for (const p of input.expandParents) {
    if (!covered.has(p)) techniques.push({ techniqueID: p, enabled: true, metadata: [], links: [], showSubtechniques: true });
  }
  const max = Math.max(1, ...techniques.map((t) => t.score ?? 0));
  return {
    name: input.name,
    versions: { attack: input.attackVersion, navigator: "5.1.0", layer: "4.5" },
    domain: "enterprise-attack",
    description: input.description,
    filters: { platforms: input.attackPlatforms },
    sorting: 0,
    layout: {
      layout: "side",
      aggregateFunction: "average",
      showID: true,
      showName: true,
      showAggregateScores: false,
      countUnscored: false,
      expandedSubtechniques: "annotated",
    },
    hideDisabled: false,
    techniques,
    gradient: { colors: [COVERAGE_COLORS[0], COVERAGE_COLORS[2]], minValue: 0, maxValue: max },
    legendItems: [
      { label: "Detections on 1 platform", color: COVERAGE_COLORS[0] },
      { label: "Detections on 2 platforms", color: COVERAGE_COLORS[1] },
      { label: "Detections on 3 or more platforms", color: COVERAGE_COLORS[2] },
    ],
    metadata: [{ name: "generator", value: "Huntbook" }],
    links: [{ label: "Huntbook", url: input.siteUrl }],
    showTacticRowBackground: false,
    tacticRowBackground: "#dddddd",
    selectTechniquesAcrossTactics: true,
    selectSubtechniquesWithParent: false,
    selectVisibleTechniques: false,
  };
}
