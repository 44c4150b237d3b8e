import styles from "./browse.module.css";

/** One row of a detection listing; plain serialisable props. */
export interface DetectionRow {
  id: string;
  href: string;
  title: string;
  description: string;
  technique: string;
  techniqueName: string;
  platformLabel: string;
  severity: string;
  confidence: string;
  tables: string[];
  dataSources: string[];
  modified: string;
}

/** A listing of detections as server HTML (plain links: no client JS per row). */
export function DetectionList({ rows, headingLevel = 3 }: { rows: DetectionRow[]; headingLevel?: 2 | 3 }) {
  const H = headingLevel === 2 ? "h2" : "h3";
  return (
    <ol className={styles.list} data-testid="detection-list">
      {rows.map((r) => (
        <li key={r.id} className={styles.item} data-detection={`${r.technique}/${r.platformLabel}`}>
          <p className={styles.kicker}>
            {r.technique} {r.techniqueName} · {r.platformLabel}
          </p>
          <H className={styles.title}>
            <a href={r.href}>{r.title}</a>
          </H>
          <p className={styles.desc}>{r.description}</p>
          <p className={styles.facts}>
            <span>Severity: {r.severity}</span>
            <span>Confidence: {r.confidence}</span>
            <span>
              Tables:{" "}
              {r.tables.map((t, i) => (
                <span key={t}>
                  {i > 0 ? ", " : ""}
                  <code>{t}</code>
                </span>
              ))}
            </span>
            <span>Data: {r.dataSources.join(", ")}</span>
            <span>
              Updated <time dateTime={r.modified}>{r.modified}</time>
            </span>
          </p>
        </li>
      ))}
    </ol>
  );
}
