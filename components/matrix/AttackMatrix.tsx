import type { MatrixColumn } from "@/lib/content/views";
import { cellHtml, columnsHtml, type MatrixClasses } from "./html";
import styles from "./matrix.module.css";

const CLASSES: MatrixClasses = { head: styles.head ?? "", cells: styles.cells ?? "", subsLink: styles.s ?? "" };

/**
 * The Enterprise matrix as server-rendered HTML: tactics in matrix order as columns that scroll
 * sideways (one column per screen width on a phone). Each cell links to its technique page, which
 * lists the sub-techniques. No client JS; the cells are an escaped HTML string (see ./html.ts).
 */
export function AttackMatrix({ columns }: { columns: MatrixColumn[] }) {
  return (
    <div className={styles.bleed}>
      <ol
        className={styles.matrix}
        tabIndex={0}
        aria-label="ATT&CK Enterprise matrix, tactics in order (scrolls sideways)"
        data-testid="matrix"
        dangerouslySetInnerHTML={{ __html: columnsHtml(columns, CLASSES) }}
      />
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
    <ul
      className={`${styles.cells} ${styles.grid}`}
      aria-label={`${column.tactic.name} techniques`}
      data-testid="technique-grid"
      dangerouslySetInnerHTML={{ __html: column.techniques.map((t) => cellHtml(t, "list", CLASSES)).join("") }}
    />
  );
}
