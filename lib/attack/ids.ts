/**
 * ATT&CK ID parsing and normalisation. Pure (no server-only marker) because the search box on the
 * client uses the same rules to recognise an ID as you type.
 */

export type TechniqueId = string & { readonly __brand: "TechniqueId" };

/**
 * Accepts the forms people type or paste: T1055, t1055, 1055, T1055.001, t1055/001, T1055-001,
 * "T1055 .001", T1055_001 and full-width digits; returns the canonical `T1055` / `T1055.001`, or
 * null when the text is not shaped like a technique ID at all.
 */
export function normalizeTechniqueId(input: string): TechniqueId | null {
  const text = input.normalize("NFKC").trim();
  if (text.length === 0 || text.length > 40) return null;
  const m = /^t?\s*(\d{4})(?:\s*[./\-_\s]\s*(\d{3}))?$/i.exec(text);
  if (!m) return null;
  const base = `T${m[1]}`;
  return (m[2] ? `${base}.${m[2]}` : base) as TechniqueId;
}

/** Tactic IDs: TA0005, ta0005, 0005 are not accepted (too ambiguous); `TA5` is not either. */
export function normalizeTacticId(input: string): string | null {
  const m = /^ta(\d{4})$/i.exec(input.normalize("NFKC").trim());
  return m ? `TA${m[1]}` : null;
}

/** The URL path segment for a technique page: `/techniques/T1055.001`. */
export function techniquePath(id: string): string {
  return `/techniques/${id}`;
}

/** attack.mitre.org uses T1055/001 for sub-techniques. */
export function mitreUrl(id: string): string {
  return `https://attack.mitre.org/techniques/${id.replace(".", "/")}/`;
}

export function mitreTacticUrl(id: string): string {
  return `https://attack.mitre.org/tactics/${id}/`;
}

/** decodeURIComponent that returns the input for malformed escapes instead of throwing. */
export function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

/**
 * The canonical URL path of a technique, detection or tactic page, however `pathname` (already
 * percent-decoded) spells it, or null when it is not such a page: `/techniques/t1055` ->
 * `/techniques/T1055`, `/techniques/T1055/001` (attack.mitre.org's form of a sub-technique) ->
 * `/techniques/T1055.001`, `/techniques/t1055/Sentinel` -> `/techniques/T1055/sentinel`,
 * `/tactics/ta0005` -> `/tactics/TA0005`; a canonical path gives itself. Whether the page exists is
 * not checked: an unknown canonical path answers 404 by itself. proxy.ts redirects to it, so those
 * pages only ever render their prerendered, canonical paths.
 */
export function contentPagePath(pathname: string): string | null {
  const parts = pathname.split("/");
  if (parts[0] !== "") return null;
  const [, section, first, second, ...rest] = parts;
  if (rest.length > 0 || !first) return null;
  if (section === "tactics" && second === undefined) {
    const id = normalizeTacticId(first);
    return id && `/tactics/${id}`;
  }
  if (section !== "techniques") return null;
  const id = normalizeTechniqueId(first);
  if (!id) return null;
  if (second === undefined) return techniquePath(id);
  if (!second) return null;
  return /^\d{3}$/.test(second) && !id.includes(".") ? techniquePath(`${id}.${second}`) : `${techniquePath(id)}/${second.toLowerCase()}`;
}
