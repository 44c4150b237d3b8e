"use server";
import type { ReactNode } from "react";
import { ProContent, renderProSections } from "@/components/detection/ProContent";
import { ProTeaser } from "@/components/detection/ProTeaser";
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
            <a className="btn" href={`/signin?callbackUrl=${encodeURIComponent(here)}`}>
              Sign in
            </a>
            <a className="btn btn-o" href="/pricing">
              See Pro plans
            </a>
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
          <a className="btn" href="/pricing">
            Upgrade to Pro
          </a>
        }
      />
    );
  }
  const material = loadProMaterial(access.grant, d);
  if (!material) return <p>The Pro material for this detection is being written.</p>;
  return <ProContent canary={material.canary} sections={await renderProSections(material)} />;
}
