import type { ReactNode } from "react";

export const PRO_FEATURES: { name: string; what: string }[] = [
  { name: "Response playbook", what: "containment, eradication and recovery steps for this alert" },
  { name: "Investigation guide", what: "the questions to answer and the pivots, each with a KQL query" },
  { name: "Hunting queries", what: "schema-checked KQL hunts around the same behaviour" },
  { name: "Executable test commands", what: "Invoke-AtomicTest command lines with prerequisites and cleanup" },
  { name: "Tuning guidance", what: "which list or threshold to change, and how to roll it out" },
];

/**
 * What Pro adds, with none of its content. `cta` is the viewer-specific call to action; `viewer`
 * says whom it was rendered for ("anonymous" or "free"; unset in the prerendered page).
 */
export function ProTeaser({ cta, viewer }: { cta?: ReactNode; viewer?: "anonymous" | "free" }) {
  return (
    <div className="card" data-testid="pro-teaser" data-viewer={viewer}>
      <p>Huntbook Pro adds, for this detection:</p>
      <ul>
        {PRO_FEATURES.map((f) => (
          <li key={f.name}>
            <strong>{f.name}</strong>: {f.what}
          </li>
        ))}
      </ul>
      <p className="row">
        {cta ?? (
          <>
            <a className="btn" href="/pricing">
              See Pro plans
            </a>
            <a className="btn btn-o" href="/signin">
              Sign in
            </a>
          </>
        )}
      </p>
    </div>
  );
}
