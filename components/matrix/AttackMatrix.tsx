import type { MatrixColumn } from "@/lib/content/views";
import { TechniqueCell } from "./TechniqueCell";
import styles from "./matrix.module.css";

/**
 * The Enterprise matrix as server-rendered HTML: tactics in matrix order as columns that scroll
 * sideways (one column per screen width on a phone). Each cell links to its technique page, which
 * lists the sub-techniques. No client JS, and no client component inside (nothing to serialise).
 */
export function AttackMatrix({ columns }: { columns: MatrixColumn[] }) {
  return (
    <div className={styles.bleed}>
      <ol className={styles.matrix} tabIndex={0} aria-label="ATT&CK Enterprise matrix, tactics in order (scrolls sideways)" data-testid="matrix">
        {columns.map((c) => (
          <li key={c.tactic.id} data-tactic={c.tactic.id}>
            <div className={styles.head}>
              <h3>
                <a href={`/tactics/${c.tactic.id}`}>{c.tactic.name}</a>
              </h3>
              <p>{`${c.tactic.id} · ${c.techniques.length} techniques · ${c.covered} covered`}</p>
            </div>
            <ul className={styles.cells} aria-label={`${c.tactic.name} techniques`}>
              {c.techniques.map((t) => (
                <TechniqueCell key={t.id} cell={t} subs="link" />
              ))}
            </ul>
          </li>
        ))}
      </ol>
    </div>
  );
}

export function MatrixLegend() {
  return (
    <p className={styles.legend}>
      <span>
        <span className={`${styles.swatch} ${styles.swatchCovered}`} aria-hidden="true" />✓ We have detections (for it or a sub-technique)
      </span>
      <span>
        <span className={styles.swatch} aria-hidden="true" />
        No detection yet
      </span>
    </p>
  );
}

/** A tactic's techniques as a wrapping grid of the same cells, sub-techniques folded in each. */
export function TechniqueGrid({ column }: { column: MatrixColumn }) {
  return (
    <ul className={`${styles.cells} ${styles.grid}`} aria-label={`${column.tactic.name} techniques`} data-testid="technique-grid">
      {column.techniques.map((t) => (
        <TechniqueCell key={t.id} cell={t} subs="list" />
      ))}
    </ul>
  );
}
