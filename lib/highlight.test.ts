import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { contrast } from "./colour";
import { CODE_MIN_CONTRAST, codeColorsCss, codePalette, highlight, highlightInline } from "./highlight";

const ROOT = path.resolve(__dirname, "..");

/** Every code block we publish: the detections' KQL and Sigma files and the Pro files' fences. */
function publishedBlocks(): { name: string; code: string; lang: string }[] {
  const blocks: { name: string; code: string; lang: string }[] = [];
  const walk = (dir: string): string[] => readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(path.join(dir, e.name)) : [path.join(dir, e.name)]));
  for (const file of walk(path.join(ROOT, "content", "detections"))) {
    if (file.endsWith(".kql")) blocks.push({ name: file, code: readFileSync(file, "utf8"), lang: "kql" });
    if (file.endsWith(".yml")) blocks.push({ name: file, code: readFileSync(file, "utf8"), lang: "yaml" });
  }
  for (const file of walk(path.join(ROOT, "content", "pro")).filter((f) => f.endsWith(".mdx"))) {
    for (const m of readFileSync(file, "utf8").matchAll(/^```(\w*)\n([\s\S]*?)^```/gm)) blocks.push({ name: file, code: m[2] ?? "", lang: m[1] ?? "" });
  }
  return blocks;
}

/** shiki's colour for each token class. */
async function classColours(): Promise<Map<string, string>> {
  const p = await codePalette();
  return new Map([...p.light, ...p.dark].map((e) => [e.cls, e.colour]));
}

interface Token {
  text: string;
  light?: string;
  dark?: string;
  style?: string;
}

/** The token spans of a highlighted block, each with the colours it ends up with. */
function tokens(html: string, colours: Map<string, string>): Token[] {
  const out: Token[] = [];
  for (const m of html.matchAll(/<span (class|style)="([^"]*)">([^<]*)<\/span>/g)) {
    const [, attr, value, text] = m as unknown as [string, string, string, string];
    if (attr === "class") {
      const classes = value.split(" ");
      out.push({ text, light: colours.get(classes.find((c) => c.startsWith("l")) ?? ""), dark: colours.get(classes.find((c) => c.startsWith("d")) ?? "") });
    } else {
      const light = /(?:^|;)color:(#[0-9A-Fa-f]+)/.exec(value)?.[1]?.toLowerCase();
      const dark = /--shiki-dark:(#[0-9A-Fa-f]+)/.exec(value)?.[1]?.toLowerCase();
      out.push({ text, light, dark, style: value });
    }
  }
  return out;
}

describe("highlight", () => {
  it("app/code-colors.css is up to date with the themes (run `npm run code-colors` if not)", async () => {
    expect(readFileSync(path.join(ROOT, "app", "code-colors.css"), "utf8")).toBe(await codeColorsCss());
  });

  it("draws every token colour at WCAG AA contrast on its theme's background, as the theme gives it where it can", async () => {
    const p = await codePalette();
    const css = await codeColorsCss();
    for (const [entries, bg] of [[p.light, p.lightBg], [p.dark, p.darkBg]] as const) {
      for (const e of entries) {
        expect(contrast(e.css, bg), `${e.cls} ${e.css} on ${bg}`).toBeGreaterThanOrEqual(CODE_MIN_CONTRAST);
        if (contrast(e.colour, bg) >= CODE_MIN_CONTRAST) expect(e.css, e.cls).toBe(e.colour);
        expect(css).toContain(`.code-block .${e.cls}{color:${e.css}}`);
      }
    }
    // github-dark's comment grey (3.05:1 on #24292e) is the case that made this necessary.
    expect(p.dark.find((e) => e.colour === "#6a737d")?.css).not.toBe("#6a737d");
    expect(contrast("#6a737d", "#24292e")).toBeLessThan(CODE_MIN_CONTRAST);
  });

  it("gives every token of every published block the colours shiki gives it, as classes", async () => {
    const colours = await classColours();
    const { lightBg, darkBg } = await codePalette();
    const blocks = publishedBlocks();
    expect(blocks.length).toBeGreaterThan(100);
    let classed = 0;
    let total = 0;
    for (const b of blocks) {
      const ours = await highlight(b.code, b.lang);
      const shiki = await highlightInline(b.code, b.lang);
      const a = tokens(ours, colours);
      const want = tokens(shiki, colours);
      expect(a.length, b.name).toBe(want.length);
      a.forEach((t, i) => {
        const w = want[i]!;
        expect({ text: t.text, light: t.light, dark: t.dark }, `${b.name} token ${i}`).toEqual({ text: w.text, light: w.light, dark: w.dark });
        if (!t.style) classed++;
        else {
          // Kept inline only when the style holds more than the two palette colours, and then
          // drawn as shiki says: those colours must read well on their own.
          expect(t.style.split(";").some((d) => !/^(color|--shiki-dark):/.test(d)), `${b.name} token ${i}: ${t.style}`).toBe(true);
          expect(contrast(t.light!, lightBg), t.style).toBeGreaterThanOrEqual(CODE_MIN_CONTRAST);
          expect(contrast(t.dark!, darkBg), t.style).toBeGreaterThanOrEqual(CODE_MIN_CONTRAST);
        }
      });
      total += a.length;
      // The text is untouched: only attributes changed.
      const text = (html: string) => html.replace(/<[^>]+>/g, "");
      expect(text(ours)).toBe(text(shiki));
    }
    // All but a handful (italic tokens such as KQL's deprecated parse_json) carry classes.
    expect(total).toBeGreaterThan(5000);
    expect(classed / total).toBeGreaterThan(0.99);
  });

  it("keeps shiki's inline style, colours included, on a token that also has a font style", async () => {
    // KQL's grammar marks parse_json as deprecated: italic, in the themes' "invalid" colours.
    const html = await highlight("print parse_json('{}')", "kql");
    expect(html).toMatch(/<span style="color:#B31D28;--shiki-light-font-style:italic;--shiki-dark:#FDAEB7;--shiki-dark-font-style:italic"> parse_json<\/span>/);
    expect(html).toMatch(/<span class="l\d+ d\d+">print<\/span>/);
  });
});
