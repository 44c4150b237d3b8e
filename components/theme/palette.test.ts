import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { contrast } from "@/lib/colour";
import { CSS_VAR, PALETTE, type SchemePalette } from "./palette";

const css = readFileSync(new URL("../../app/globals.css", import.meta.url), "utf8");

function block(selector: string): Record<string, string> {
  const start = css.indexOf(`${selector} {`);
  expect(start, `${selector} block in app/globals.css`).toBeGreaterThanOrEqual(0);
  const body = css.slice(start, css.indexOf("}", start));
  return Object.fromEntries([...body.matchAll(/(--[\w-]+):\s*([^;]+);/g)].map((m) => [m[1], m[2]!.trim().toLowerCase()]));
}

describe("palette", () => {
  for (const [scheme, selector] of [
    ["light", ":root"],
    ["dark", '[data-mui-color-scheme="dark"]'],
  ] as const) {
    it(`app/globals.css declares the ${scheme} palette of palette.ts (so MUI pages match)`, () => {
      const vars = block(selector);
      for (const key of Object.keys(CSS_VAR) as (keyof SchemePalette)[]) expect(vars[CSS_VAR[key]], `${CSS_VAR[key]} (${scheme})`).toBe(PALETTE[scheme][key]);
    });

    it(`${scheme}: text colours meet WCAG AA on the page and paper backgrounds`, () => {
      const p = PALETTE[scheme];
      for (const fg of [p.text, p.text2, p.primary, p.success, p.error, p.warning, p.info])
        for (const bg of [p.bg, p.paper]) expect(contrast(fg, bg), `${fg} on ${bg}`).toBeGreaterThanOrEqual(4.5);
      expect(contrast(p.onPrimary, p.primary)).toBeGreaterThanOrEqual(4.5);
    });
  }
});
