import { compileMDX } from "next-mdx-remote/rsc";
import { isValidElement, type ReactElement, type ReactNode } from "react";
import { CodeBlock } from "@/components/code/CodeBlock";
import { highlight } from "@/lib/highlight";
import { boundedMemo } from "@/lib/memo";
import { resolveServerComponents } from "./resolve";

/**
 * Renders our MDX with an explicit allow-list of components (content:check rejects any other)
 * and no JavaScript expressions. Headings inside a section start at h3.
 */

async function Pre({ children }: { children?: ReactNode }) {
  const code = isValidElement(children) ? (children as ReactElement<{ className?: string; children?: ReactNode }>) : null;
  const lang = /language-([\w-]+)/.exec(code?.props.className ?? "")?.[1];
  const text = typeof code?.props.children === "string" ? code.props.children.replace(/\n$/, "") : "";
  const html = await highlight(text, lang);
  const label = lang === "kql" || lang === "kusto" ? "KQL" : lang === "powershell" ? "PowerShell" : lang === "sh" || lang === "bash" ? "Shell" : (lang ?? "Code");
  return <CodeBlock html={html} code={text} label={label} />;
}

function Callout({ children, severity = "info" }: { children?: ReactNode; severity?: "info" | "warning" }) {
  return (
    <div role="note" className={severity === "warning" ? "callout callout-warning" : "callout"}>
      {children}
    </div>
  );
}

function Kbd({ children }: { children?: ReactNode }) {
  return <kbd>{children}</kbd>;
}

const components = {
  pre: Pre,
  Callout,
  Kbd,
  a: ({ href, children }: { href?: string; children?: ReactNode }) => <a href={href}>{children}</a>,
  h2: ({ children }: { children?: ReactNode }) => <h3>{children}</h3>,
  h3: ({ children }: { children?: ReactNode }) => <h4>{children}</h4>,
};

// Compiled and rendered down to plain elements once per source text (resolve.ts): Pro sections
// are rendered on every entitled request, and their content is the same every time.
const rendered = boundedMemo<Promise<ReactNode>>(1000);

/** The MDX source as plain elements (memoised per source text), for a caller that renders it itself. */
export function renderMdx(source: string): Promise<ReactNode> {
  return rendered(source, async () =>
    resolveServerComponents((await compileMDX({ source, components, options: { blockJS: true, blockDangerousJS: true } })).content),
  );
}

export function Prose({ children }: { children?: ReactNode }) {
  return <div className="prose">{children}</div>;
}

export async function Mdx({ source }: { source: string }) {
  return <Prose>{await renderMdx(source)}</Prose>;
}
