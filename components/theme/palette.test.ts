import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { CSS_VAR, PALETTE, type SchemePalette } from "./palette";

const css = readFileSync(new URL("../../app/globals.css", import.meta.url), "utf8");

function block(selector: string): Record<string, string> {
  const start = css.indexOf(`${selector} {`);
  expect(start, `${selector} block in app/globals.css`).toBeGreaterThanOrEqual(0);
  const body = css.slice(start, css.indexOf("}", start));
  return Object.fromEntries([...body.matchAll(/(--[\w-]+):\s*([^;]+);/g)].map((m) => [m[1], m[2]!.trim().toLowerCase()]));
}

function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255).map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}
const contrast = (a: string, b: string) => {
  const [x, y] = [luminance(a), luminance(b)].sort((p, q) => q - p);
  return (x! + 0.05) / (y! + 0.05);
};

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
