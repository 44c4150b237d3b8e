import type { ReactNode } from "react";
import { CopyButton } from "./CopyButton";
// Token colour classes of lib/highlight.ts; imported here so only pages with code load them.
import "@/app/code-colors.css";

/**
 * A highlighted code block. `html` is shiki's output for `code` (made on the server); the copy
 * button copies `code` itself, so what lands on the clipboard is exactly the published text.
 */
export function CodeBlock({
  html,
  code,
  label,
  copyLabel,
  actions,
  testId,
}: {
  html: string;
  code: string;
  label: string;
  copyLabel?: string;
  actions?: ReactNode;
  testId?: string;
}) {
  return (
    <figure className="code" data-testid={testId}>
      <figcaption>
        <strong>{label}</strong>
        {actions}
        <CopyButton text={code} label={copyLabel} />
      </figcaption>
      {/* Shiki's HTML is generated on the server from our own committed content. */}
      <div className="code-block" tabIndex={0} aria-label={label} role="region" dangerouslySetInnerHTML={{ __html: html }} />
    </figure>
  );
}
