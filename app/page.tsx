import Box from "@mui/material/Box";
import Button from "@mui/material/Button";
import Typography from "@mui/material/Typography";
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
      <Typography variant="h1">Verified detections for MITRE ATT&amp;CK® techniques</Typography>
      <Typography sx={{ mt: 1, maxWidth: 760 }}>
        Look up a technique by its ID (press <kbd>/</kbd> to search), copy a Microsoft Sentinel KQL query checked against the real table
        schema, download a Sigma rule tested on events, and see which Atomic Red Team tests exercise it.
      </Typography>
      {latest.length > 0 && (
        <Box component="section" aria-labelledby="latest-title" sx={{ mt: 3 }}>
          <Typography variant="h2" id="latest-title">
            Recently updated
          </Typography>
          <Box component="ul" sx={{ pl: 3, my: 1 }} data-testid="latest">
            {latest.map((d) => (
              <li key={d.id}>
                <a href={detectionHref(d)}>
                  {d.technique} · {d.platformLabel}: {d.title}
                </a>{" "}
                <Typography component="span" variant="body2" color="text.secondary">
                  (updated <time dateTime={d.modified}>{d.modified}</time>)
                </Typography>
              </li>
            ))}
          </Box>
          <Typography variant="body2">
            <a href="/detections?sort=updated">All detections, newest first</a> · <a href="/feed.xml">Atom feed</a>
          </Typography>
        </Box>
      )}
      <Box component="section" aria-labelledby="matrix-title" sx={{ mt: 4 }}>
        <Box sx={{ display: "flex", gap: 2, flexWrap: "wrap", alignItems: "baseline", justifyContent: "space-between" }}>
          <Typography variant="h2" id="matrix-title">
            ATT&amp;CK v{attackVersion} Enterprise matrix
          </Typography>
          <Button
            component="a"
            href="/navigator-layer.json"
            download="huntbook-coverage-layer.json"
            variant="outlined"
            size="small"
            data-testid="navigator-download"
          >
            Download ATT&amp;CK Navigator layer
          </Button>
        </Box>
        <Typography variant="body2" color="text.secondary" sx={{ mt: 0.5 }} data-testid="matrix-stats">
          {techniques} techniques and sub-techniques in 15 tactics · {detections.length} detection{detections.length === 1 ? "" : "s"} covering{" "}
          {coveredTechniques} of them. Open a tactic for its full list; expand a cell for its sub-techniques.
        </Typography>
        <MatrixLegend />
        <AttackMatrix columns={columns} />
      </Box>
    </>
  );
}
