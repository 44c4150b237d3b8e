import Box from "@mui/material/Box";
import Button from "@mui/material/Button";
import Chip from "@mui/material/Chip";
import Link from "@mui/material/Link";
import Paper from "@mui/material/Paper";
import Typography from "@mui/material/Typography";
import type { Metadata } from "next";
import { notFound, permanentRedirect } from "next/navigation";
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
import { AppLink } from "@/components/ui/links";
import { loadProSection } from "./pro-section";
import { PageBreadcrumbs } from "@/components/layout/PageBreadcrumbs";

export const dynamicParams = true;

export async function generateStaticParams() {
  return (await allDetections()).map((d) => ({ id: d.technique, platform: d.platform }));
}

type Props = { params: Promise<{ id: string; platform: string }> };

async function resolve(params: Props["params"]) {
  const { id: rawId, platform: rawPlatform } = await params;
  const id = normalizeTechniqueId(safeDecode(rawId));
  const platform = safeDecode(rawPlatform).toLowerCase();
  return { rawId, rawPlatform, id, platform };
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
  const { rawId, rawPlatform, id, platform } = await resolve(params);
  if (!id) notFound();
  // /techniques/T1055/001 is a sub-technique written the way attack.mitre.org writes it.
  if (/^\d{3}$/.test(platform) && !id.includes(".")) {
    const sub = `${id}.${platform}`;
    if (getTechnique(sub)) permanentRedirect(`/techniques/${sub}`);
    notFound();
  }
  if (!getTechnique(id) || !isPlatform(platform)) notFound();
  if (rawId !== id || rawPlatform !== platform) permanentRedirect(`/techniques/${id}/${platform}`);
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
      <Typography variant="overline" component="p" color="text.secondary" data-testid="detection-kicker" sx={{ fontSize: 14, letterSpacing: 0.5 }}>
        {d.technique} · {d.platformLabel} · {d.language}
      </Typography>
      <Typography variant="h1">{d.title}</Typography>
      <Typography sx={{ mt: 1, maxWidth: 820 }} color="text.secondary">
        {d.description}
      </Typography>
      <Box sx={{ display: "flex", gap: 1, flexWrap: "wrap", mt: 2 }} data-testid="severity-confidence">
        <SeverityChip severity={d.severity} />
        <ConfidenceChip confidence={d.confidence} />
        <Chip size="small" variant="outlined" label={`Window: ${d.queryWindow}`} />
        <Chip size="small" variant="outlined" label={`v${d.version} · updated ${d.modified}`} />
      </Box>

      <Section id="summary" title="Technique summary">
        <Mdx source={sections["Technique summary"] ?? ""} />
      </Section>

      <Section id="attack" title="ATT&CK mapping">
        <Box component="dl" sx={{ display: "grid", gridTemplateColumns: { sm: "max-content 1fr" }, columnGap: 3, rowGap: 1, m: 0 }}>
          <dt>Technique</dt>
          <dd style={{ margin: 0 }}>
            <AppLink href={`/techniques/${tech.id}`}>
              {tech.id} {tech.name}
            </AppLink>
          </dd>
          <dt>Tactics</dt>
          <dd style={{ margin: 0 }}>
            {tactics.map((t, i) => (
              <span key={t.id}>
                {i > 0 ? ", " : ""}
                <AppLink href={`/tactics/${t.id}`}>
                  {t.name} ({t.id})
                </AppLink>
              </span>
            ))}
          </dd>
          <dt>Reference</dt>
          <dd style={{ margin: 0 }}>
            <Link href={tech.url} rel="external">
              {tech.url}
            </Link>
          </dd>
        </Box>
      </Section>

      <Section id="query" title="KQL query">
        <CodeBlock html={queryHtml} code={d.query.replace(/\n$/, "")} label={`${d.platformLabel} · KQL`} copyLabel="Copy query" testId="kql-query" />
        <Typography variant="body2" color="text.secondary" sx={{ mt: 1 }} data-testid="kql-verified">
          ✓ KQL checked against the Defender XDR schema as streamed to Microsoft Sentinel (Microsoft&apos;s Kusto parser, no errors).
          Reads: {d.requiredTables.join(", ")}. Time window: {d.queryWindow}.
        </Typography>
      </Section>

      <Section id="logic" title="What the detection does">
        <Mdx source={sections["What the detection does"] ?? ""} />
        <Box sx={{ display: "flex", gap: 1, flexWrap: "wrap", mt: 1 }}>
          <SeverityChip severity={d.severity} />
          <ConfidenceChip confidence={d.confidence} />
        </Box>
      </Section>

      <Section id="data" title="Data sources and required tables">
        <Box component="dl" sx={{ display: "grid", gridTemplateColumns: { sm: "max-content 1fr" }, columnGap: 3, rowGap: 1, m: 0 }}>
          <dt>ATT&amp;CK data components</dt>
          <dd style={{ margin: 0 }}>{d.dataSources.join(", ")}</dd>
          <dt>Required tables</dt>
          <dd style={{ margin: 0 }}>
            {d.requiredTables.map((t) => (
              <code key={t} style={{ marginRight: 8 }}>
                {t}
              </code>
            ))}
          </dd>
        </Box>
      </Section>

      <Section id="false-positives" title="False positives and tuning">
        <Box component="ul" sx={{ pl: 3, mt: 0 }}>
          {d.falsePositives.map((fp) => (
            <li key={fp.source}>
              <strong>{fp.source}</strong>: {fp.detail}
            </li>
          ))}
        </Box>
        <Typography variant="h3" component="h3" sx={{ mt: 2, mb: 1 }}>
          Tuning
        </Typography>
        <Box component="ul" sx={{ pl: 3, mt: 0 }}>
          {d.tuning.map((t) => (
            <li key={t}>{t}</li>
          ))}
        </Box>
      </Section>

      <Section
        id="sigma"
        title="Sigma rule"
        actions={
          <Button component="a" href={sigmaHref} download={d.sigma.fileName} variant="contained" data-testid="sigma-download">
            Download Sigma rule (.yml)
          </Button>
        }
      >
        <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }} data-testid="sigma-verified">
          ✓ Sigma rule tested on {tp + benign} events ({tp} true positive{tp === 1 ? "" : "s"}, {benign} benign): it matches every
          true positive and none of the benign events.
        </Typography>
        <CodeBlock html={sigmaHtml} code={d.sigma.text.replace(/\n$/, "")} label={d.sigma.fileName} copyLabel="Copy rule" testId="sigma-rule" />
        <Typography variant="h3" component="h3" sx={{ mt: 2, mb: 1 }}>
          Test events
        </Typography>
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
          <Typography>No Atomic Red Team test exercises this behaviour: {d.noAtomicReason}</Typography>
        ) : (
          <Box sx={{ display: "grid", gap: 2 }}>
            {d.atomicTests.map((a) => (
              <Paper key={a.guid} variant="outlined" sx={{ p: 2 }} data-testid="atomic-test">
                <Typography variant="h3" component="h3">
                  <Link href={atomicUrl(a.technique)}>
                    {a.technique} #{a.number}
                  </Link>
                  : {a.name}
                </Typography>
                <Typography variant="caption" color="text.secondary">
                  {a.platforms.join(", ")} · {a.executor} · {a.guid}
                </Typography>
                <Typography sx={{ mt: 1 }}>
                  <strong>Behaviour to exercise:</strong> {a.behaviour}
                </Typography>
                <Typography sx={{ mt: 1 }}>
                  <strong>Telemetry to expect:</strong>
                </Typography>
                <Box component="ul" sx={{ pl: 3, my: 0 }}>
                  {a.expectedTelemetry.map((t) => (
                    <li key={t}>{t}</li>
                  ))}
                </Box>
              </Paper>
            ))}
          </Box>
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
          <Typography>No related detections yet.</Typography>
        ) : (
          <Box component="ul" sx={{ pl: 3, m: 0 }}>
            {related.map((r) => (
              <li key={r.id}>
                <AppLink href={r.href} prefetch={false}>
                  {r.technique} · {r.platformLabel}: {r.title}
                </AppLink>
              </li>
            ))}
          </Box>
        )}
      </Section>

      <Section id="credits" title="Credits">
        <Typography variant="body2" component="div" sx={{ display: "grid", gap: 1 }}>
          <p style={{ margin: 0 }}>
            Technique, tactic and platform facts: MITRE ATT&amp;CK® Enterprise v19, <Link href={tech.url}>{tech.url}</Link>. {attackNotice}
          </p>
          <p style={{ margin: 0 }}>
            Tests: <Link href={atomicUrl(d.technique)}>Atomic Red Team</Link> by Red Canary, MIT licence.
          </p>
          <p style={{ margin: 0 }}>
            Query, Sigma rule and test events written by {d.author}; released under the Detection Rule License (DRL) 1.1. Summary text
            under CC BY 4.0.
          </p>
        </Typography>
      </Section>
    </article>
  );
}
