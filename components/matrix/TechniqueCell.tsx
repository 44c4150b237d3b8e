import type { MatrixCell } from "@/lib/content/views";
import { PLATFORM_SHORT } from "@/lib/content/platform-labels";
import styles from "./matrix.module.css";

function countText(count: number, platforms: readonly (keyof typeof PLATFORM_SHORT)[]): string {
  if (count === 0) return "No detections yet";
  return `✓ ${count} detection${count === 1 ? "" : "s"} · ${platforms.map((p) => PLATFORM_SHORT[p]).join(", ")}`;
}

/** One technique in the matrix: ID, name, our detection count and platforms, sub-techniques folded. */
export function TechniqueCell({ cell }: { cell: MatrixCell }) {
  const covered = cell.count + cell.subCount > 0;
  return (
    <li className={covered ? `${styles.cell} ${styles.covered}` : styles.cell} data-technique={cell.id} data-covered={covered ? "true" : "false"}>
      <a className={styles.link} href={`/techniques/${cell.id}`}>
        <span className={styles.id}>{cell.id}</span>
        {cell.name}
      </a>
      <span className={styles.count} data-testid={`count-${cell.id}`}>
        {cell.count === 0 && cell.subCount > 0
          ? `✓ ${cell.subCount} detection${cell.subCount === 1 ? "" : "s"} in sub-techniques`
          : `${countText(cell.count, cell.platforms)}${cell.subCount > 0 ? ` (+${cell.subCount} in sub-techniques)` : ""}`}
      </span>
      {cell.subs.length > 0 && (
        <details className={styles.details}>
          <summary>
            {cell.subs.length} sub-technique{cell.subs.length === 1 ? "" : "s"}
            <span className="visually-hidden"> of {cell.id}</span>
          </summary>
          <ul className={styles.subs}>
            {cell.subs.map((s) => (
              <li key={s.id} className={s.count > 0 ? `${styles.sub} ${styles.subCovered}` : styles.sub} data-technique={s.id}>
                <a className={styles.link} href={`/techniques/${s.id}`}>
                  <span className={styles.id}>{s.id}</span>
                  {s.shortName}
                </a>
                {s.count > 0 && (
                  <span className={styles.count} data-testid={`count-${s.id}`}>
                    {countText(s.count, s.platforms)}
                  </span>
                )}
              </li>
            ))}
          </ul>
        </details>
      )}
    </li>
  );
}
