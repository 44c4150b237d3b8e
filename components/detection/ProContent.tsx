import type { ReactNode } from "react";
import { Prose, renderMdx } from "@/components/content/Mdx";
import { PRO_SECTIONS } from "@/lib/content/schema";
import type { ProMaterial } from "@/lib/content/types";

export type RenderedProSections = { name: (typeof PRO_SECTIONS)[number]; content: ReactNode }[];

/**
 * Each Pro section, in the schema's order, rendered to plain elements (memoised per source text).
 * Done before React sees the tree, so the reply is one plain tree instead of five async components
 * React must await and stream one by one.
 */
export async function renderProSections(material: ProMaterial): Promise<RenderedProSections> {
  return Promise.all(PRO_SECTIONS.map(async (name) => ({ name, content: await renderMdx(material.sections[name] ?? "") })));
}

/** The Pro sections of one detection. Rendered on the server, only for an entitled viewer. */
export function ProContent({ canary, sections }: { canary: string; sections: RenderedProSections }) {
  return (
    <div data-testid="pro-content" data-pro-canary={canary}>
      <span className="chip chip-primary">Pro</span>
      {sections.map(({ name, content }) => (
        <section key={name} aria-label={name} data-testid={`pro-${name.toLowerCase().replace(/\s+/g, "-")}`} className="mt2">
          <h3 className="mb1">{name}</h3>
          <Prose>{content}</Prose>
        </section>
      ))}
    </div>
  );
}
