/**
 * Atom feed of new and updated detections. Pure: takes public detection facts, returns XML.
 */
export interface FeedDetection {
  id: string;
  technique: string;
  techniqueName: string;
  platformLabel: string;
  title: string;
  description: string;
  author: string;
  created: string;
  modified: string;
  version: string;
  href: string;
}

export function xmlEscape(s: string): string {
  return s.replace(/[<>&'"]/g, (c) => ({ "<": "&lt;", ">": "&gt;", "&": "&amp;", "'": "&apos;", '"': "&quot;" })[c] ?? c).replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, "");
}

const day = (d: string) => `${d}T00:00:00Z`;

export function atomFeed(base: string, items: readonly FeedDetection[], limit = 50): string {
  const sorted = [...items].sort((a, b) => b.modified.localeCompare(a.modified) || b.created.localeCompare(a.created) || a.href.localeCompare(b.href)).slice(0, limit);
  const updated = sorted[0] ? day(sorted[0].modified) : "1970-01-01T00:00:00Z";
  const entries = sorted
    .map((d) => {
      const isNew = d.created === d.modified;
      const url = `${base}${d.href}`;
      return `  <entry>
    <id>urn:uuid:${xmlEscape(d.id)}</id>
    <title>${xmlEscape(`${isNew ? "New" : "Updated"}: ${d.technique} · ${d.platformLabel}: ${d.title}`)}</title>
    <link rel="alternate" type="text/html" href="${xmlEscape(url)}"/>
    <published>${day(d.created)}</published>
    <updated>${day(d.modified)}</updated>
    <author><name>${xmlEscape(d.author)}</name></author>
    <category term="${xmlEscape(d.technique)}" label="${xmlEscape(`${d.technique} ${d.techniqueName}`)}"/>
    <summary>${xmlEscape(`${d.description} (version ${d.version})`)}</summary>
  </entry>`;
    })
    .join("\n");
  return `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <id>${xmlEscape(`${base}/feed.xml`)}</id>
  <title>Huntbook: new and updated detections</title>
  <subtitle>Verified MITRE ATT&amp;CK® detections: Sentinel KQL, Sigma rules, Atomic Red Team tests.</subtitle>
  <link rel="self" type="application/atom+xml" href="${xmlEscape(`${base}/feed.xml`)}"/>
  <link rel="alternate" type="text/html" href="${xmlEscape(`${base}/detections?sort=updated`)}"/>
  <updated>${updated}</updated>
${entries}
</feed>
`;
}
