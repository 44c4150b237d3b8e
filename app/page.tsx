import type { Metadata } from "next";
import { AttackMatrix, MatrixLegend } from "@/components/matrix/AttackMatrix";
import { allTechniques, attackVersion } from "@/lib/attack/catalog";
import { allDetections } from "@/lib/content/detections";
import { compareBy } from "@/lib/browse/filters";
import { detectionHref, matrixView } from "@/lib/content/views";
import { pageMetadata } from "@/lib/metadata";

export const metadata: Metadata = pageMetadata({
  title: "Huntbook: verified ATT&CK detections by technique",
  description:
    "Browse all MITRE ATT&CK® v19 Enterprise techniques by tactic and ID; open a technique to copy a schema-checked Microsoft Sentinel KQL query and download a tested Sigma rule.",
  path: "/",
});

export default async function Home() {
  const [columns, detections] = await Promise.all([matrixView(), allDetections()]);
  const techniques = allTechniques().length;
  const coveredTechniques = new Set(detections.map((d) => d.technique)).size;
  const latest = [...detections].sort(compareBy("updated")).slice(0, 5);
  return (
    <>
      <h1>Verified detections for MITRE ATT&amp;CK® techniques</h1>
      <p className="lead">
        Look up a technique by its ID (press <kbd>/</kbd> to search), copy a Microsoft Sentinel KQL query checked against the real table
        schema, download a Sigma rule tested on events, and see which Atomic Red Team tests exercise it.
      </p>
      {latest.length > 0 && (
        <section aria-labelledby="latest-title" className="mt3">
          <h2 id="latest-title">Recently updated</h2>
          <ul data-testid="latest">
            {latest.map((d) => (
              <li key={d.id}>
                <a href={detectionHref(d)}>{`${d.technique} · ${d.platformLabel}: ${d.title}`}</a>{" "}
                <span className="muted small">
                  (updated <time dateTime={d.modified}>{d.modified}</time>)
                </span>
              </li>
            ))}
          </ul>
          <p className="small">
            <a href="/detections?sort=updated">All detections, newest first</a> · <a href="/feed.xml">Atom feed</a>
          </p>
        </section>
      )}
      <section aria-labelledby="matrix-title" className="section">
        <div className="spread">
          <h2 id="matrix-title">ATT&amp;CK v{attackVersion} Enterprise matrix</h2>
          <a className="btn btn-o" href="/navigator-layer.json" download="huntbook-coverage-layer.json" data-testid="navigator-download">
            Download ATT&amp;CK Navigator layer
          </a>
        </div>
        <p className="muted small mt1" data-testid="matrix-stats">
          {techniques} techniques and sub-techniques in 15 tactics · {detections.length} detection{detections.length === 1 ? "" : "s"} covering{" "}
          {coveredTechniques} of them. Open a tactic for its full list, or a technique for its sub-techniques.
        </p>
        <MatrixLegend />
        <AttackMatrix columns={columns} />
      </section>
    </>
  );
}
