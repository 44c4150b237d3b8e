import type { MatrixCell, MatrixSub } from "@/lib/content/views";
import { PLATFORM_SHORT } from "@/lib/content/platform-labels";
import styles from "./matrix.module.css";

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;

function countText(c: Pick<MatrixSub, "count" | "platforms">): string {
  return `✓ ${plural(c.count, "detection")} · ${c.platforms.map((p) => PLATFORM_SHORT[p]).join(", ")}`;
}

/** What we have for a technique, or null when it has no detection (the cell's outline says so). */
export function coverageText(cell: Pick<MatrixCell, "count" | "platforms" | "subCount">): string | null {
  if (cell.count === 0) return cell.subCount > 0 ? `✓ ${plural(cell.subCount, "detection")} in sub-techniques` : null;
  return `${countText(cell)}${cell.subCount > 0 ? ` (+${cell.subCount} in sub-techniques)` : ""}`;
}

/**
 * One technique in the matrix: ID, name and our detection count. Server-only markup, kept small
 * (the home page holds ~250 of these, and the RSC payload repeats them): no per-element classes,
 * single text nodes. `subs="link"` (home page) shows the number of sub-techniques as a link to the
 * technique page's list; `subs="list"` (tactic pages) folds the sub-techniques in <details>.
 */
export function TechniqueCell({ cell, subs }: { cell: MatrixCell; subs: "link" | "list" }) {
  const covered = cell.count + cell.subCount > 0;
  const text = coverageText(cell);
  const n = cell.subs.length;
  return (
    <li data-technique={cell.id} data-covered={covered ? "true" : "false"}>
      <a href={`/techniques/${cell.id}`}>
        <b>{cell.id}</b>
        {` ${cell.name}`}
      </a>
      {text && <small data-testid={`count-${cell.id}`}>{text}</small>}
      {n > 0 && subs === "link" && (
        <a className={styles.s} href={`/techniques/${cell.id}#sub-techniques`}>
          {plural(n, "sub-technique")}
          <span className="visually-hidden">{` of ${cell.id}`}</span>
        </a>
      )}
      {n > 0 && subs === "list" && (
        <details>
          <summary>
            {plural(n, "sub-technique")}
            <span className="visually-hidden">{` of ${cell.id}`}</span>
          </summary>
          <ul>
            {cell.subs.map((s) => (
              <li key={s.id} data-technique={s.id} data-covered={s.count > 0 ? "true" : "false"}>
                <a href={`/techniques/${s.id}`}>
                  <b>{s.id}</b>
                  {` ${s.shortName}`}
                </a>
                {s.count > 0 && <small data-testid={`count-${s.id}`}>{countText(s)}</small>}
              </li>
            ))}
          </ul>
        </details>
      )}
    </li>
  );
}
