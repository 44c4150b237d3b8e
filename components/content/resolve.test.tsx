import { isValidElement, type ReactElement, type ReactNode } from "react";
import { describe, expect, it } from "vitest";
import { resolveServerComponents } from "./resolve";

/** Stands in for a "use client" component as the RSC bundle sees it: a function marked as a client reference. */
const ClientButton = Object.assign((_props: { text: string }) => null, { $$typeof: Symbol.for("react.client.reference") });

async function Highlighted({ code }: { code: string }) {
  await Promise.resolve();
  return <pre data-code={code}>{code.toUpperCase()}</pre>;
}

function Block({ code }: { code: string }) {
  return (
    <figure>
      <ClientButton text={code} />
      <Highlighted code={code} />
    </figure>
  );
}

const el = (n: ReactNode) => n as ReactElement<Record<string, unknown>>;

describe("resolveServerComponents", () => {
  it("runs server components (async ones too), keeps host elements and client components", async () => {
    const tree = (
      <div className="prose">
        <p>intro</p>
        {[<Block key="a" code="one" />, <Block key="b" code="two" />]}
      </div>
    );
    const out = el(await resolveServerComponents(tree));
    expect(out.type).toBe("div");
    expect(out.props.className).toBe("prose");
    const kids = out.props.children as ReactNode[];
    expect(el(kids[0]).type).toBe("p");
    const blocks = kids[1] as ReactNode[];
    expect(blocks.map((b) => el(b).type)).toEqual(["figure", "figure"]);
    const [button, pre] = el(blocks[1]).props.children as ReactNode[];
    // The client component is left for React to reference, with its props.
    expect(el(button).type).toBe(ClientButton);
    expect(el(button).props.text).toBe("two");
    // The async server component was awaited down to its host element.
    expect(el(pre).type).toBe("pre");
    expect(el(pre).props.children).toBe("TWO");
    expect(el(pre).props["data-code"]).toBe("two");
  });

  it("passes text, numbers and empty values through", async () => {
    expect(await resolveServerComponents("text")).toBe("text");
    expect(await resolveServerComponents(3)).toBe(3);
    expect(await resolveServerComponents(null)).toBeNull();
    const out = await resolveServerComponents(<br />);
    expect(isValidElement(out) && out.type).toBe("br");
  });
});
