import Box from "@mui/material/Box";
import Link from "@mui/material/Link";
import Typography from "@mui/material/Typography";
import type { Metadata } from "next";
import { notFound, permanentRedirect } from "next/navigation";
import { Section } from "@/components/layout/Section";
import { AtomicTestTable } from "@/components/technique/AtomicTestTable";
import { PlatformList } from "@/components/technique/PlatformList";
import { allTechniques, getTechnique } from "@/lib/attack/catalog";
import { normalizeTechniqueId, safeDecode } from "@/lib/attack/ids";
import { techniqueView } from "@/lib/content/views";
import { pageMetadata } from "@/lib/metadata";
import { AppLink, LinkChip } from "@/components/ui/links";
import { PageBreadcrumbs } from "@/components/layout/PageBreadcrumbs";

export const dynamicParams = true;

export function generateStaticParams() {
  return allTechniques().map((t) => ({ id: t.id }));
}

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { id } = await params;
  const view = await techniqueView(normalizeTechniqueId(safeDecode(id)) ?? "");
  if (!view) return { title: "Technique not found" };
  const n = view.detections.length;
  return pageMetadata({
    title: `${view.technique.id} ${view.technique.name}`,
    description: `${view.technique.id} ${view.technique.name} (MITRE ATT&CK® v19): ${view.tactics.map((t) => t.name).join(", ")}. ${
      n ? `${n} verified detection${n > 1 ? "s" : ""}` : "No detection yet"
    }, ${view.atomicTests.length} Atomic Red Team test${view.atomicTests.length === 1 ? "" : "s"}.`,
    path: `/techniques/${view.technique.id}`,
  });
}

export default async function TechniquePage({ params }: Props) {
  const { id: raw } = await params;
  const id = normalizeTechniqueId(safeDecode(raw));
  if (!id || !getTechnique(id)) notFound();
  if (raw !== id) permanentRedirect(`/techniques/${id}`);
  const view = await techniqueView(id);
  if (!view) notFound();
  const { technique } = view;

  return (
    <article>
      <PageBreadcrumbs
        trail={view.parent ? [{ href: `/techniques/${view.parent.id}`, label: view.parent.id }] : []}
        current={technique.id}
      />
      <Typography variant="overline" component="p" color="text.secondary">
        MITRE ATT&amp;CK® v19 · {view.parent ? "Sub-technique" : "Technique"}
      </Typography>
      <Typography variant="h1" sx={{ mb: 1 }}>
        <span data-testid="technique-id">{technique.id}</span> {technique.name}
      </Typography>
      <Box sx={{ display: "flex", gap: 1, flexWrap: "wrap", alignItems: "center", mb: 2 }} aria-label="Tactics">
        {view.tactics.map((t) => (
          <LinkChip key={t.id} href={`/tactics/${t.id}`} label={`${t.name} ${t.id}`} color="primary" variant="outlined" />
        ))}
      </Box>
      <Typography variant="body2" color="text.secondary">
        Platforms: {view.platforms.join(", ")}
        {view.version ? ` · ATT&CK object version ${view.version}` : ""} · Canonical reference:{" "}
        <Link href={technique.url} rel="external">
          {technique.url}
        </Link>
      </Typography>
      {view.parent && (
        <Typography variant="body2" sx={{ mt: 1 }}>
          Sub-technique of{" "}
          <AppLink href={`/techniques/${view.parent.id}`}>
            {view.parent.id} {view.parent.name}
          </AppLink>
        </Typography>
      )}

      <Section id="detections" title="Detections">
        {view.detections.length === 0 ? (
          <Typography data-testid="no-detections">
            We have no detection for {technique.id} yet.
            {view.subTechniques.some((s) => s.detectionCount > 0) ? " Its sub-techniques below have some." : ""}
          </Typography>
        ) : null}
        <PlatformList techniqueId={technique.id} availability={view.availability} />
      </Section>

      {view.subTechniques.length > 0 && (
        <Section id="sub-techniques" title={`Sub-techniques (${view.subTechniques.length})`}>
          <Box component="ul" sx={{ pl: 3, m: 0, columns: { md: 2 } }}>
            {view.subTechniques.map((s) => (
              <li key={s.id}>
                <AppLink href={`/techniques/${s.id}`} prefetch={false}>
                  {s.id} {s.shortName}
                </AppLink>
                {s.detectionCount > 0 && (
                  <Typography component="span" variant="body2" color="success.main">
                    {" "}
                    · {s.detectionCount} detection{s.detectionCount > 1 ? "s" : ""}
                  </Typography>
                )}
              </li>
            ))}
          </Box>
        </Section>
      )}

      <Section id="atomic-tests" title="Atomic Red Team tests">
        <AtomicTestTable tests={view.atomicTests} techniqueId={technique.id} />
      </Section>
    </article>
  );
}
