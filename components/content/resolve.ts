import { cloneElement, isValidElement, type ReactElement, type ReactNode } from "react";

const CLIENT_REFERENCE = Symbol.for("react.client.reference");

type ServerComponent = (props: Record<string, unknown>) => ReactNode | Promise<ReactNode>;

function isServerComponent(type: unknown): type is ServerComponent {
  return typeof type === "function" && (type as { $$typeof?: symbol }).$$typeof !== CLIENT_REFERENCE;
}

/**
 * Renders the server components of a tree ahead of time, leaving only host elements (div, pre, …)
 * and client components (e.g. the copy button). For content that is the same on every request, such
 * as a Pro section, the result can be kept and handed to React each time: React then serialises
 * plain elements instead of running the MDX content function and awaiting every code block again.
 * Only for our own stateless server components (no hooks, no context): they are called directly.
 */
export async function resolveServerComponents(node: ReactNode): Promise<ReactNode> {
  if (Array.isArray(node)) return Promise.all(node.map((n: ReactNode) => resolveServerComponents(n)));
  if (!isValidElement(node)) return node;
  const element = node as ReactElement<Record<string, unknown>>;
  if (isServerComponent(element.type)) return resolveServerComponents(await element.type(element.props));
  if (!("children" in element.props)) return element;
  const children = await resolveServerComponents(element.props.children as ReactNode);
  // Children as separate arguments, as the JSX that made them passed them (no keys needed).
  return Array.isArray(children) ? cloneElement(element, undefined, ...(children as ReactNode[])) : cloneElement(element, undefined, children);
}
