"use server";
import Typography from "@mui/material/Typography";
import type { ReactNode } from "react";
import { ProContent } from "@/components/detection/ProContent";
import { ProTeaser } from "@/components/detection/ProTeaser";
import { LinkButton } from "@/components/ui/links";
import { getAccess } from "@/lib/access";
import { getDetection } from "@/lib/content/detections";
import { loadProMaterial } from "@/lib/content/pro";

/**
 * The Pro section of a detection page, rendered per request for the current viewer (the page
 * itself is prerendered and identical for everyone; components/detection/ProIsland calls this).
 * lib/access decides; Pro files are read only with the grant it hands out.
 */
export async function loadProSection(technique: unknown, platform: unknown): Promise<ReactNode> {
  if (typeof technique !== "string" || typeof platform !== "string" || technique.length > 16 || platform.length > 32) return null;
  const d = await getDetection(technique, platform);
  if (!d) return null;
  const access = await getAccess();
  const here = `/techniques/${d.technique}/${d.platform}`;
  if (access.level === "anonymous") {
    return (
      <ProTeaser
        viewer="anonymous"
        cta={
          <>
            <LinkButton href={`/signin?callbackUrl=${encodeURIComponent(here)}`} variant="contained">
              Sign in
            </LinkButton>
            <LinkButton href="/pricing" variant="outlined">
              See Pro plans
            </LinkButton>
          </>
        }
      />
    );
  }
  if (access.level === "free") {
    return (
      <ProTeaser
        viewer="free"
        cta={
          <LinkButton href="/pricing" variant="contained">
            Upgrade to Pro
          </LinkButton>
        }
      />
    );
  }
  const material = loadProMaterial(access.grant, d);
  if (!material) return <Typography>The Pro material for this detection is being written.</Typography>;
  return <ProContent material={material} />;
}
