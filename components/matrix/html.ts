/**
 * The matrix cells as an HTML string (server only; used by AttackMatrix.tsx).
 *
 * Why a string: the home page has ~250 cells (~1,100 elements). As React elements they are sent
 * twice (HTML, then the RSC payload as JSON) and hydrated one by one, which cost the home page
 * about 0.3 s of main-thread time on a throttled phone for markup that never changes on the
 * client. Given to React as dangerouslySetInnerHTML, the same markup travels once more as one
 * plain-text RSC row and is not hydrated node by node. Every value is escaped here.
 */
import type { MatrixCell, MatrixColumn, MatrixSub } from "@/lib/content/views";
import { PLATFORM_SHORT } from "@/lib/content/platform-labels";

const ESC: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };
export const esc = (s: string) => s.replace(/[&<>"']/g, (c) => ESC[c] ?? c);

/** CSS-module class names the markup uses (passed in, so this module stays plain TypeScript). */
export interface MatrixClasses {
  head: string;
  cells: string;
  subsLink: string;
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;

function countText(c: Pick<MatrixSub, "count" | "platforms">): string {
  return `✓ ${plural(c.count, "detection")} · ${c.platforms.map((p) => PLATFORM_SHORT[p]).join(", ")}`;
}

/** What we have for a technique, or null when it has no detection (the cell's outline says so). */
export function coverageText(cell: Pick<MatrixCell, "count" | "platforms" | "subCount">): string | null {
  if (cell.count === 0) return cell.subCount > 0 ? `✓ ${plural(cell.subCount, "detection")} in sub-techniques` : null;
  return `${countText(cell)}${cell.subCount > 0 ? ` (+${cell.subCount} in sub-techniques)` : ""}`;
}

function techniqueLink(id: string, name: string): string {
  return `<a href="/techniques/${esc(id)}"><b>${esc(id)}</b> ${esc(name)}</a>`;
}

/**
 * One technique: ID, name and our detection count. `subs="link"` (home page) shows the number of
 * sub-techniques as a link to the technique page's list; `subs="list"` (tactic pages) folds them
 * in <details>. No per-element classes: matrix.module.css styles cells from the list's class.
 */
export function cellHtml(cell: MatrixCell, subs: "link" | "list", cls: MatrixClasses): string {
  const id = esc(cell.id);
  const covered = cell.count + cell.subCount > 0;
  const text = coverageText(cell);
  const n = cell.subs.length;
  let out = `<li data-technique="${id}" data-covered="${covered}">${techniqueLink(cell.id, cell.name)}`;
  if (text) out += `<small data-testid="count-${id}">${esc(text)}</small>`;
  if (n > 0 && subs === "link") {
    out += `<a class="${cls.subsLink}" href="/techniques/${id}#sub-techniques">${plural(n, "sub-technique")}<span class="visually-hidden"> of ${id}</span></a>`;
  } else if (n > 0) {
    out += `<details><summary>${plural(n, "sub-technique")}<span class="visually-hidden"> of ${id}</span></summary><ul>`;
    for (const s of cell.subs) {
      out += `<li data-technique="${esc(s.id)}" data-covered="${s.count > 0}">${techniqueLink(s.id, s.shortName)}`;
      if (s.count > 0) out += `<small data-testid="count-${esc(s.id)}">${esc(countText(s))}</small>`;
      out += "</li>";
    }
    out += "</ul></details>";
  }
  return `${out}</li>`;
}

/** The columns of the matrix: one <li> per tactic, in matrix order. */
export function columnsHtml(columns: MatrixColumn[], cls: MatrixClasses): string {
  return columns
    .map((c) => {
      const name = esc(c.tactic.name);
      const id = esc(c.tactic.id);
      const cells = c.techniques.map((t) => cellHtml(t, "link", cls)).join("");
      return (
        `<li data-tactic="${id}"><div class="${cls.head}"><h3><a href="/tactics/${id}">${name}</a></h3>` +
        `<p>${id} · ${c.techniques.length} techniques · ${c.covered} covered</p></div>` +
        `<ul class="${cls.cells}" aria-label="${name} techniques">${cells}</ul></li>`
      );
    })
    .join("");
}
