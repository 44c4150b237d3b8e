import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { Section } from "@/components/layout/Section";
import { AtomicTestTable } from "@/components/technique/AtomicTestTable";
import { PlatformList } from "@/components/technique/PlatformList";
import { allTechniques, getTechnique } from "@/lib/attack/catalog";
import { normalizeTechniqueId, safeDecode } from "@/lib/attack/ids";
import { techniqueView } from "@/lib/content/views";
import { pageMetadata } from "@/lib/metadata";
import { PageBreadcrumbs } from "@/components/layout/PageBreadcrumbs";

// Only the prerendered pages render: any other value is answered with the prerendered 404 page
// (rendered on demand, notFound() gave a document without layout or content; next.js issue 62228).
// Other spellings of an ID (t1055, T1055/001) are redirected by proxy.ts (contentPagePath).
export const dynamicParams = false;

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
  const view = await techniqueView(id);
  if (!view) notFound();
  const { technique } = view;

  return (
    <article>
      <PageBreadcrumbs
        trail={view.parent ? [{ href: `/techniques/${view.parent.id}`, label: view.parent.id }] : []}
        current={technique.id}
      />
      <p className="kicker">MITRE ATT&amp;CK® v19 · {view.parent ? "Sub-technique" : "Technique"}</p>
      <h1 className="mb1">
        <span data-testid="technique-id">{technique.id}</span> {technique.name}
      </h1>
      <ul className="row plain-list mb2" aria-label="Tactics">
        {view.tactics.map((t) => (
          <li key={t.id}>
            <a className="chip chip-primary" href={`/tactics/${t.id}`}>{`${t.name} ${t.id}`}</a>
          </li>
        ))}
      </ul>
      <p className="muted small">
        Platforms: {view.platforms.join(", ")}
        {view.version ? ` · ATT&CK object version ${view.version}` : ""} · Canonical reference:{" "}
        <a href={technique.url} rel="external">
          {technique.url}
        </a>
      </p>
      {view.parent && (
        <p className="small mt1">
          Sub-technique of <a href={`/techniques/${view.parent.id}`}>{`${view.parent.id} ${view.parent.name}`}</a>
        </p>
      )}

      <Section id="detections" title="Detections">
        {view.detections.length === 0 ? (
          <p data-testid="no-detections" className="mb1">
            We have no detection for {technique.id} yet.
            {view.subTechniques.some((s) => s.detectionCount > 0) ? " Its sub-techniques below have some." : ""}
          </p>
        ) : null}
        <PlatformList techniqueId={technique.id} availability={view.availability} />
      </Section>

      {view.subTechniques.length > 0 && (
        <Section id="sub-techniques" title={`Sub-techniques (${view.subTechniques.length})`}>
          <ul className="cols-2">
            {view.subTechniques.map((s) => (
              <li key={s.id}>
                <a href={`/techniques/${s.id}`}>{`${s.id} ${s.shortName}`}</a>
                {s.detectionCount > 0 && <span className="small">{` · ✓ ${s.detectionCount} detection${s.detectionCount > 1 ? "s" : ""}`}</span>}
              </li>
            ))}
          </ul>
        </Section>
      )}

      <Section id="atomic-tests" title="Atomic Red Team tests">
        <AtomicTestTable tests={view.atomicTests} techniqueId={technique.id} />
      </Section>
    </article>
  );
}
