/**
 * Field lookup in events.
 *
 * Supported shapes:
 * - flat objects: `{ "Image": "...", "CommandLine": "..." }`; a field that is not a key
 *   is also tried as a dotted path into nested objects (`userIdentity.arn`), descending
 *   into arrays;
 * - Windows event JSON as produced by evtx dumpers:
 *   `{ "Event": { "System": {...}, "EventData": {...}, "UserData": {...} } }`
 *   (with or without the `Event` wrapper). A field is looked up in `EventData` (a map,
 *   or a `Data` list of `{ "#attributes": { "Name": ... }, "#text": ... }`), then in
 *   `UserData` (one level down), then in `System` (`EventID`, `Channel`, `Computer`, ...;
 *   XML attributes as `Tag_Attribute`, e.g. `Provider_Name`, `Execution_ProcessID`),
 *   then in the top-level object. `{ "#text": v }` wrappers are unwrapped.
 *
 * Field names are case-sensitive, as in the Sigma taxonomy.
 */

type Obj = Record<string, unknown>;

function isObj(v: unknown): v is Obj {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

function hasOwn(o: Obj, k: string): boolean {
  return Object.prototype.hasOwnProperty.call(o, k);
}

function unwrapText(v: unknown): unknown {
  if (isObj(v) && hasOwn(v, "#text")) return v["#text"];
  return v;
}

export interface FieldEntry {
  /** The field exists in the event (its value may still be null or empty). */
  readonly found: boolean;
  /** The field's values (arrays are flattened). */
  readonly values: readonly unknown[];
  /** String form of each value (`undefined` for null and objects). */
  readonly strs: readonly (string | undefined)[];
  /** Lower-cased `strs`, computed on demand. */
  lower(): readonly (string | undefined)[];
}

const NOT_FOUND: FieldEntry = { found: false, values: [], strs: [], lower: () => [] };

function flattenValues(v: unknown, out: unknown[]): void {
  const u = unwrapText(v);
  if (Array.isArray(u)) for (const x of u) flattenValues(x, out);
  else out.push(u);
}

/** The string form used for string matching. */
export function valueToString(v: unknown): string | undefined {
  switch (typeof v) {
    case "string":
      return v;
    case "number":
    case "bigint":
    case "boolean":
      return String(v);
    default:
      return undefined;
  }
}

function makeEntry(raw: unknown): FieldEntry {
  const values: unknown[] = [];
  flattenValues(raw, values);
  const strs = values.map(valueToString);
  let lower: (string | undefined)[] | undefined;
  return {
    found: true,
    values,
    strs,
    lower: () => (lower ??= strs.map((s) => s?.toLowerCase())),
  };
}

interface WindowsParts {
  system?: Obj;
  eventData?: Obj;
  dataList?: unknown[];
  userData?: Obj;
  event: Obj;
}

function windowsParts(raw: Obj): WindowsParts | undefined {
  const ev = isObj(raw["Event"]) ? raw["Event"] : raw;
  if (!isObj(ev["System"]) && !isObj(ev["EventData"]) && !isObj(ev["UserData"])) return undefined;
  const parts: WindowsParts = { event: ev };
  if (isObj(ev["System"])) parts.system = ev["System"];
  if (isObj(ev["EventData"])) {
    const ed = ev["EventData"];
    parts.eventData = ed;
    const data = ed["Data"];
    if (Array.isArray(data) && data.some((d) => isObj(d) && (isObj(d["#attributes"]) || hasOwn(d, "Name")))) parts.dataList = data;
  }
  if (isObj(ev["UserData"])) parts.userData = ev["UserData"];
  return parts;
}

function lookupDotted(root: unknown, path: readonly string[]): { found: boolean; values: unknown[] } {
  let current: unknown[] = [root];
  for (const seg of path) {
    const next: unknown[] = [];
    for (const c of current) {
      const items = Array.isArray(c) ? c : [c];
      for (const it of items) {
        const u = unwrapText(it);
        if (isObj(u) && hasOwn(u, seg)) next.push(u[seg]);
      }
    }
    if (next.length === 0) return { found: false, values: [] };
    current = next;
  }
  return { found: true, values: current };
}

function lookupWindows(p: WindowsParts, name: string): { found: boolean; value?: unknown } {
  if (p.dataList) {
    for (const d of p.dataList) {
      if (!isObj(d)) continue;
      const attrs = isObj(d["#attributes"]) ? d["#attributes"] : d;
      if (attrs["Name"] === name) return { found: true, value: hasOwn(d, "#text") ? d["#text"] : null };
    }
  }
  if (p.eventData && hasOwn(p.eventData, name) && !(p.dataList && name === "Data")) return { found: true, value: p.eventData[name] };
  if (p.userData) {
    if (hasOwn(p.userData, name)) return { found: true, value: p.userData[name] };
    for (const v of Object.values(p.userData)) {
      if (isObj(v) && hasOwn(v, name)) return { found: true, value: v[name] };
    }
  }
  const sys = p.system;
  if (sys) {
    if (hasOwn(sys, name)) {
      const v = sys[name];
      // `Provider: { "#attributes": {...} }` is a container, not a value
      if (!(isObj(v) && !hasOwn(v, "#text"))) return { found: true, value: v };
    }
    const us = name.indexOf("_");
    if (us > 0) {
      const tag = sys[name.slice(0, us)];
      const attrName = name.slice(us + 1);
      if (isObj(tag)) {
        const attrs = isObj(tag["#attributes"]) ? tag["#attributes"] : tag;
        if (hasOwn(attrs, attrName)) return { found: true, value: attrs[attrName] };
      }
    }
  }
  if (hasOwn(p.event, name) && !["System", "EventData", "UserData"].includes(name)) return { found: true, value: p.event[name] };
  return { found: false };
}

/**
 * An event prepared for matching: field lookups and lower-casing are cached, so one
 * prepared event can be matched against many compiled rules cheaply.
 */
export class PreparedEvent {
  readonly raw: unknown;
  private readonly cache = new Map<string, FieldEntry>();
  private readonly windows: WindowsParts | undefined;
  private leafCache: FieldEntry | undefined;

  constructor(raw: unknown) {
    this.raw = raw;
    this.windows = isObj(raw) ? windowsParts(raw) : undefined;
  }

  /** Is this a Windows event (`Event.System` / `Event.EventData`)? */
  get isWindowsEvent(): boolean {
    return this.windows !== undefined;
  }

  field(name: string): FieldEntry {
    let e = this.cache.get(name);
    if (!e) {
      e = this.lookup(name);
      this.cache.set(name, e);
    }
    return e;
  }

  private lookup(name: string): FieldEntry {
    const raw = this.raw;
    if (!isObj(raw)) return NOT_FOUND;
    if (this.windows) {
      const r = lookupWindows(this.windows, name);
      if (r.found) return makeEntry(r.value);
    } else if (hasOwn(raw, name)) {
      return makeEntry(raw[name]);
    }
    if (name.includes(".")) {
      const roots: unknown[] = this.windows ? [this.windows.event, raw] : [raw];
      for (const root of roots) {
        const r = lookupDotted(root, name.split("."));
        if (r.found) return makeEntry(r.values);
      }
    }
    if (this.windows && hasOwn(raw, name) && name !== "Event") return makeEntry(raw[name]);
    return NOT_FOUND;
  }

  /** Every scalar value in the event (for keyword searches). */
  leaves(): FieldEntry {
    if (!this.leafCache) {
      const out: unknown[] = [];
      const walk = (v: unknown): void => {
        if (Array.isArray(v)) v.forEach(walk);
        else if (isObj(v)) Object.values(v).forEach(walk);
        else if (v !== null && v !== undefined) out.push(v);
      };
      walk(this.raw);
      this.leafCache = makeEntry(out);
    }
    return this.leafCache;
  }
}

export function prepareEvent(event: unknown): PreparedEvent {
  return event instanceof PreparedEvent ? event : new PreparedEvent(event);
}

/** Looks up a field the way rules do. `value` is the single value, or an array when the field has several. */
export function getField(event: unknown, name: string): { found: boolean; value: unknown } {
  const e = prepareEvent(event).field(name);
  if (!e.found) return { found: false, value: undefined };
  return { found: true, value: e.values.length === 1 ? e.values[0] : e.values };
}
