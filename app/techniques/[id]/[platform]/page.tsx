import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { CodeBlock } from "@/components/code/CodeBlock";
import { Mdx } from "@/components/content/Mdx";
import { ConfidenceChip, SeverityChip } from "@/components/detection/Badges";
import { ProIsland } from "@/components/detection/ProIsland";
import { ProTeaser } from "@/components/detection/ProTeaser";
import { TestEvents } from "@/components/detection/TestEvents";
import { Section } from "@/components/layout/Section";
import { PlatformList } from "@/components/technique/PlatformList";
import { atomicUrl } from "@/components/technique/AtomicTestTable";
import { attackNotice, getTechnique } from "@/lib/attack/catalog";
import { normalizeTechniqueId, safeDecode } from "@/lib/attack/ids";
import { allDetections, getDetection, isPlatform } from "@/lib/content/detections";
import { splitH2Sections } from "@/lib/content/source";
import { platformAvailability, relatedDetections, tacticRefs, techniqueRef } from "@/lib/content/views";
import { highlight } from "@/lib/highlight";
import { pageMetadata } from "@/lib/metadata";
import { loadProSection } from "./pro-section";
import { PageBreadcrumbs } from "@/components/layout/PageBreadcrumbs";

// Only the prerendered pages render: any other value is answered with the prerendered 404 page
// (rendered on demand, notFound() gave a document without layout or content; next.js issue 62228).
// Other spellings (t1055/Sentinel, and T1055/001 for a sub-technique) are redirected by proxy.ts
// (contentPagePath).
export const dynamicParams = false;

export async function generateStaticParams() {
  return (await allDetections()).map((d) => ({ id: d.technique, platform: d.platform }));
}

type Props = { params: Promise<{ id: string; platform: string }> };

async function resolve(params: Props["params"]) {
  const { id: rawId, platform: rawPlatform } = await params;
  return { id: normalizeTechniqueId(safeDecode(rawId)), platform: safeDecode(rawPlatform).toLowerCase() };
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { id, platform } = await resolve(params);
  const d = id ? await getDetection(id, platform) : undefined;
  if (!d) return { title: "Detection not found" };
  return pageMetadata({
    title: `${d.technique} · ${d.platformLabel} · ${d.language}: ${d.title}`,
    description: d.description,
    path: `/techniques/${d.technique}/${d.platform}`,
    type: "article",
  });
}

export default async function DetectionPage({ params }: Props) {
  const { id, platform } = await resolve(params);
  if (!id || !getTechnique(id) || !isPlatform(platform)) notFound();
  const d = await getDetection(id, platform);
  if (!d) notFound();

  const technique = getTechnique(d.technique);
  if (!technique) notFound();
  const tactics = tacticRefs(d.tactics);
  const tech = techniqueRef(technique);
  const sections = splitH2Sections(d.body);
  const [queryHtml, sigmaHtml, availability, related] = await Promise.all([
    highlight(d.query.replace(/\n$/, ""), "kql"),
    highlight(d.sigma.text.replace(/\n$/, ""), "yaml"),
    platformAvailability(d.technique),
    relatedDetections(d),
  ]);
  const sigmaHref = `/techniques/${d.technique}/${d.platform}/sigma.yml`;
  const tp = d.events.truePositives.length;
  const benign = d.events.benign.length;

  return (
    <article>
      <PageBreadcrumbs trail={[{ href: `/techniques/${d.technique}`, label: `${d.technique} ${tech.shortName}` }]} current={d.platformLabel} />
      <p className="kicker" data-testid="detection-kicker">
        {`${d.technique} · ${d.platformLabel} · ${d.language}`}
      </p>
      <h1>{d.title}</h1>
      <p className="lead muted">{d.description}</p>
      <div className="row mt2" data-testid="severity-confidence">
        <SeverityChip severity={d.severity} />
        <ConfidenceChip confidence={d.confidence} />
        <span className="chip">{`Window: ${d.queryWindow}`}</span>
        <span className="chip">{`v${d.version} · updated ${d.modified}`}</span>
      </div>

      <Section id="summary" title="Technique summary">
        <Mdx source={sections["Technique summary"] ?? ""} />
      </Section>

      <Section id="attack" title="ATT&CK mapping">
        <dl className="pairs">
          <dt>Technique</dt>
          <dd>
            <a href={`/techniques/${tech.id}`}>{`${tech.id} ${tech.name}`}</a>
          </dd>
          <dt>Tactics</dt>
          <dd>
            {tactics.map((t, i) => (
              <span key={t.id}>
                {i > 0 ? ", " : ""}
                <a href={`/tactics/${t.id}`}>{`${t.name} (${t.id})`}</a>
              </span>
            ))}
          </dd>
          <dt>Reference</dt>
          <dd>
            <a href={tech.url} rel="external">
              {tech.url}
            </a>
          </dd>
        </dl>
      </Section>

      <Section id="query" title="KQL query">
        <CodeBlock html={queryHtml} code={d.query.replace(/\n$/, "")} label={`${d.platformLabel} · KQL`} copyLabel="Copy query" testId="kql-query" />
        <p className="muted small mt1" data-testid="kql-verified">
          ✓ KQL checked against the Defender XDR schema as streamed to Microsoft Sentinel (Microsoft&apos;s Kusto parser, no errors).
          Reads: {d.requiredTables.join(", ")}. Time window: {d.queryWindow}.
        </p>
      </Section>

      <Section id="logic" title="What the detection does">
        <Mdx source={sections["What the detection does"] ?? ""} />
        <div className="row mt1">
          <SeverityChip severity={d.severity} />
          <ConfidenceChip confidence={d.confidence} />
        </div>
      </Section>

      <Section id="data" title="Data sources and required tables">
        <dl className="pairs">
          <dt>ATT&amp;CK data components</dt>
          <dd>{d.dataSources.join(", ")}</dd>
          <dt>Required tables</dt>
          <dd>
            {d.requiredTables.map((t) => (
              <code key={t}>{t}</code>
            ))}
          </dd>
        </dl>
      </Section>

      <Section id="false-positives" title="False positives and tuning">
        <ul className="mt0">
          {d.falsePositives.map((fp) => (
            <li key={fp.source}>
              <strong>{fp.source}</strong>: {fp.detail}
            </li>
          ))}
        </ul>
        <h3 className="mt2 mb1">Tuning</h3>
        <ul>
          {d.tuning.map((t) => (
            <li key={t}>{t}</li>
          ))}
        </ul>
      </Section>

      <Section
        id="sigma"
        title="Sigma rule"
        actions={
          <a className="btn" href={sigmaHref} download={d.sigma.fileName} data-testid="sigma-download">
            Download Sigma rule (.yml)
          </a>
        }
      >
        <p className="muted small mb1" data-testid="sigma-verified">
          ✓ Sigma rule tested on {tp + benign} events ({tp} true positive{tp === 1 ? "" : "s"}, {benign} benign): it matches every
          true positive and none of the benign events.
        </p>
        <CodeBlock html={sigmaHtml} code={d.sigma.text.replace(/\n$/, "")} label={d.sigma.fileName} copyLabel="Copy rule" testId="sigma-rule" />
        <h3 className="mt2 mb1">Test events</h3>
        <TestEvents
          cases={[
            ...d.events.truePositives.map((e) => ({ description: e.description, json: JSON.stringify(e.event, null, 2), expected: "match" as const })),
            ...d.events.benign.map((e) => ({ description: e.description, json: JSON.stringify(e.event, null, 2), expected: "no match" as const })),
          ]}
        />
      </Section>

      <Section id="platforms" title={`Other platforms for ${d.technique}`}>
        <PlatformList techniqueId={d.technique} availability={availability} current={d.platform} />
      </Section>

      <Section id="testing" title="Testing methodology">
        {d.atomicTests.length === 0 ? (
          <p>No Atomic Red Team test exercises this behaviour: {d.noAtomicReason}</p>
        ) : (
          <div className="stack">
            {d.atomicTests.map((a) => (
              <div key={a.guid} className="card" data-testid="atomic-test">
                <h3>
                  <a href={atomicUrl(a.technique)}>{`${a.technique} #${a.number}`}</a>: {a.name}
                </h3>
                <p className="muted small">{`${a.platforms.join(", ")} · ${a.executor} · ${a.guid}`}</p>
                <p className="mt1">
                  <strong>Behaviour to exercise:</strong> {a.behaviour}
                </p>
                <p className="mt1">
                  <strong>Telemetry to expect:</strong>
                </p>
                <ul className="mt0">
                  {a.expectedTelemetry.map((t) => (
                    <li key={t}>{t}</li>
                  ))}
                </ul>
              </div>
            ))}
          </div>
        )}
      </Section>

      <Section id="pro" title="Pro: response and hunting">
        {/* Per-request hole: the prerendered page holds only the teaser; see pro-section.tsx. */}
        <ProIsland load={loadProSection.bind(null, d.technique, d.platform)}>
          <ProTeaser />
        </ProIsland>
      </Section>

      <Section id="related" title="Related detections">
        {related.length === 0 ? (
          <p>No related detections yet.</p>
        ) : (
          <ul className="mt0">
            {related.map((r) => (
              <li key={r.id}>
                <a href={r.href}>{`${r.technique} · ${r.platformLabel}: ${r.title}`}</a>
              </li>
            ))}
          </ul>
        )}
      </Section>

      <Section id="credits" title="Credits">
        <div className="small stack">
          <p>
            Technique, tactic and platform facts: MITRE ATT&amp;CK® Enterprise v19, <a href={tech.url}>{tech.url}</a>. {attackNotice}
          </p>
          <p>
            Tests: <a href={atomicUrl(d.technique)}>Atomic Red Team</a> by Red Canary, MIT licence.
          </p>
          <p>
            Query, Sigma rule and test events written by {d.author}; released under the Detection Rule License (DRL) 1.1. Summary text
            under CC BY 4.0.
          </p>
        </div>
      </Section>
    </article>
  );
}
