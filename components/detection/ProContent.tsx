import { Mdx } from "@/components/content/Mdx";
import type { ProMaterial } from "@/lib/content/types";

const ORDER = ["Response playbook", "Investigation guide", "Hunting queries", "Test commands", "Tuning guidance"] as const;

/** The Pro sections of one detection. Rendered on the server, only for an entitled viewer. */
export function ProContent({ material }: { material: ProMaterial }) {
  return (
    <div data-testid="pro-content" data-pro-canary={material.canary}>
      <span className="chip chip-primary">Pro</span>
      {ORDER.map((name) => (
        <section key={name} aria-label={name} data-testid={`pro-${name.toLowerCase().replace(/\s+/g, "-")}`} className="mt2">
          <h3 className="mb1">{name}</h3>
          <Mdx source={material.sections[name] ?? ""} />
        </section>
      ))}
    </div>
  );
}
