/** Encoding modifiers: utf16 / utf16le / utf16be / wide, base64 and base64offset. */

export type TextEncodingName = "utf8" | "utf16le" | "utf16be" | "utf16";

export function encodeText(text: string, encoding: TextEncodingName): Uint8Array {
  switch (encoding) {
    case "utf8":
      return new TextEncoder().encode(text);
    case "utf16le":
    case "utf16be":
    case "utf16": {
      const bom = encoding === "utf16" ? 2 : 0;
      const out = new Uint8Array(bom + text.length * 2);
      if (bom) {
        out[0] = 0xff;
        out[1] = 0xfe;
      }
      for (let i = 0; i < text.length; i++) {
        const cu = text.charCodeAt(i);
        const hi = cu >> 8;
        const lo = cu & 0xff;
        if (encoding === "utf16be") {
          out[bom + 2 * i] = hi;
          out[bom + 2 * i + 1] = lo;
        } else {
          out[bom + 2 * i] = lo;
          out[bom + 2 * i + 1] = hi;
        }
      }
      return out;
    }
  }
}

/** Bytes as a string of code units 0-255 (what an encoded value looks like when not base64-encoded). */
export function bytesToBinaryString(bytes: Uint8Array): string {
  let s = "";
  for (const b of bytes) s += String.fromCharCode(b);
  return s;
}

export function base64(bytes: Uint8Array): string {
  return btoa(bytesToBinaryString(bytes));
}

/**
 * The three base64 representations of `bytes` when it appears at offset 0, 1 or 2 of a
 * larger base64-encoded blob, with the characters that depend on the surrounding data
 * removed (same algorithm as pySigma's `base64offset`).
 */
export function base64Offsets(bytes: Uint8Array): string[] {
  const startOffsets = [0, 2, 3];
  const endOffsets = [undefined, -3, -2];
  const out: string[] = [];
  for (let i = 0; i < 3; i++) {
    const shifted = new Uint8Array(i + bytes.length);
    shifted.fill(0x20, 0, i);
    shifted.set(bytes, i);
    const enc = base64(shifted);
    const end = endOffsets[(bytes.length + i) % 3];
    out.push(enc.slice(startOffsets[i], end));
  }
  return out;
}
