import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { DetectionList } from "@/components/browse/DetectionList";
import { Section } from "@/components/layout/Section";
import { TechniqueGrid } from "@/components/matrix/AttackMatrix";
import { allTactics, attackVersion } from "@/lib/attack/catalog";
import { mitreTacticUrl, normalizeTacticId, safeDecode } from "@/lib/attack/ids";
import { tacticView } from "@/lib/content/views";
import { pageMetadata } from "@/lib/metadata";
import { PageBreadcrumbs } from "@/components/layout/PageBreadcrumbs";

// Only the prerendered pages render: any other value is answered with the prerendered 404 page
// (rendered on demand, notFound() gave a document without layout or content; next.js issue 62228).
// Other spellings of an ID (t1055, T1055/001) are redirected by proxy.ts (contentPagePath).
export const dynamicParams = false;

export function generateStaticParams() {
  return allTactics().map((t) => ({ id: t.id }));
}

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { id } = await params;
  const view = await tacticView(normalizeTacticId(safeDecode(id)) ?? "");
  if (!view) return { title: "Tactic not found", robots: { index: false } };
  const { tactic, techniques, covered } = view.column;
  return pageMetadata({
    title: `${tactic.id} ${tactic.name}: techniques and detections`,
    description: `The ${techniques.length} MITRE ATT&CK® v${attackVersion} techniques of the ${tactic.name} tactic (${tactic.id}), with ${
      view.detections.length
    } verified detection${view.detections.length === 1 ? "" : "s"} covering ${covered} of them.`,
    path: `/tactics/${tactic.id}`,
  });
}

export default async function TacticPage({ params }: Props) {
  const { id: raw } = await params;
  const id = normalizeTacticId(safeDecode(raw));
  if (!id) notFound();
  const view = await tacticView(id);
  if (!view) notFound();
  const { tactic, techniques, covered } = view.column;
  const tactics = allTactics();
  const i = tactics.findIndex((t) => t.id === tactic.id);
  const prev = i > 0 ? tactics[i - 1] : undefined;
  const next = tactics[i + 1];
  const subs = techniques.reduce((n, t) => n + t.subs.length, 0);

  return (
    <article>
      <PageBreadcrumbs trail={[]} current={tactic.name} />
      <p className="kicker">
        MITRE ATT&amp;CK® v{attackVersion} · Tactic {i + 1} of {tactics.length}
      </p>
      <h1>
        <span data-testid="tactic-id">{tactic.id}</span> {tactic.name}
      </h1>
      <p className="mt1" data-testid="tactic-stats">
        {techniques.length} techniques and {subs} sub-techniques · detections for {covered} technique{covered === 1 ? "" : "s"} ·{" "}
        {view.detections.length} detection{view.detections.length === 1 ? "" : "s"} in total.{" "}
        <a href={`/detections?tactic=${tactic.id}`}>Filter the detection library by {tactic.name}</a> ·{" "}
        <a href={mitreTacticUrl(tactic.id)} rel="external">
          {tactic.name} on attack.mitre.org
        </a>
      </p>
      <nav aria-label="Other tactics" className="spread mt2">
        {prev ? <a href={`/tactics/${prev.id}`}>← {prev.name}</a> : <span />}
        {next ? <a href={`/tactics/${next.id}`}>{next.name} →</a> : <span />}
      </nav>

      <Section id="detections" title={`Detections for ${tactic.name} (${view.detections.length})`}>
        {view.detections.length === 0 ? (
          <p data-testid="no-detections">
            We have no detection mapped to {tactic.name} yet. The techniques below link to their ATT&amp;CK facts and Atomic Red Team tests.
          </p>
        ) : (
          <DetectionList rows={view.detections} />
        )}
      </Section>

      <Section id="techniques" title={`Techniques (${techniques.length})`}>
        <TechniqueGrid column={view.column} />
      </Section>
    </article>
  );
}
