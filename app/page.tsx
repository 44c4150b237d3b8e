import Box from "@mui/material/Box";
import Typography from "@mui/material/Typography";
import { allDetections } from "@/lib/content/detections";
import { detectionRef } from "@/lib/content/views";
import { AppLink } from "@/components/ui/links";

export default async function Home() {
  const detections = (await allDetections()).map(detectionRef);
  return (
    <>
      <Typography variant="h1">Verified detections for MITRE ATT&amp;CK® techniques</Typography>
      <Typography sx={{ mt: 1, maxWidth: 760 }}>
        Look up a technique by its ID, copy a Microsoft Sentinel KQL query checked against the real table schema, download a Sigma rule
        tested on events, and see which Atomic Red Team tests exercise it.
      </Typography>
      <Box component="section" aria-labelledby="latest" sx={{ mt: 4 }}>
        <Typography variant="h2" id="latest">
          Detections
        </Typography>
        <ul>
          {detections.map((d) => (
            <li key={d.id}>
              <AppLink href={d.href}>
                {d.technique} · {d.platformLabel}: {d.title}
              </AppLink>
            </li>
          ))}
        </ul>
      </Box>
    </>
  );
}
