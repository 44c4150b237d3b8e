/** WCAG 2 colour contrast for #rgb / #rrggbb colours (pure; used by the code theme and its tests). */

function rgb(hex: string): [number, number, number] {
  let h = hex.replace("#", "");
  if (h.length === 3) h = [...h].map((c) => c + c).join("");
  return [0, 2, 4].map((i) => parseInt(h.slice(i, i + 2), 16)) as [number, number, number];
}

function luminance([r, g, b]: [number, number, number]): number {
  const lin = (c: number) => (c / 255 <= 0.03928 ? c / 255 / 12.92 : ((c / 255 + 0.055) / 1.055) ** 2.4);
  return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
}

/** The WCAG contrast ratio of two colours (1 to 21). */
export function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(rgb(a)), luminance(rgb(b))].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

/**
 * `colour` itself when it reaches `min` contrast on `background`; otherwise the first mix of it
 * towards black (light background) or white (dark background), in 5 % steps, that does.
 */
export function readableOn(colour: string, background: string, min: number): string {
  if (contrast(colour, background) >= min) return colour;
  const towards = luminance(rgb(background)) > 0.5 ? 0 : 255;
  const from = rgb(colour);
  for (let step = 1; step <= 20; step++) {
    const hex = "#" + from.map((c) => Math.round(c + ((towards - c) * step) / 20).toString(16).padStart(2, "0")).join("");
    if (contrast(hex, background) >= min) return hex;
  }
  return towards === 0 ? "#000000" : "#ffffff";
}
