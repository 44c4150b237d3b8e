/** Reading event files (JSON array, JSON object, JSON lines, or concatenated JSON objects). */
import { getField, prepareEvent } from "./event";

export class EventsInputError extends Error {
  constructor(
    message: string,
    readonly line?: number,
  ) {
    super(line !== undefined ? `line ${line}: ${message}` : message);
    this.name = "EventsInputError";
  }
}

export type EventsFormat = "array" | "object" | "stream";

function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < text.length; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

/** Finds the end (exclusive) of the JSON value starting at `start`. */
function scanValue(text: string, start: number): number {
  const first = text[start];
  if (first !== "{" && first !== "[") {
    // scalar: up to the next whitespace
    let i = start;
    if (first === '"') {
      i++;
      while (i < text.length && text[i] !== '"') i += text[i] === "\\" ? 2 : 1;
      return i + 1;
    }
    while (i < text.length && !/\s/.test(text[i] as string)) i++;
    return i;
  }
  let depth = 0;
  let inStr = false;
  for (let i = start; i < text.length; i++) {
    const c = text[i];
    if (inStr) {
      if (c === "\\") i++;
      else if (c === '"') inStr = false;
      continue;
    }
    if (c === '"') inStr = true;
    else if (c === "{" || c === "[") depth++;
    else if (c === "}" || c === "]") {
      depth--;
      if (depth === 0) return i + 1;
    }
  }
  return text.length;
}

/**
 * Parses events from text: a JSON array of events, a single JSON object, JSON lines, or
 * several JSON objects one after another. Throws {@link EventsInputError} on invalid JSON.
 */
export function parseEventsText(text: string): { events: unknown[]; format: EventsFormat } {
  const body = text.replace(/^\uFEFF/, "");
  if (body.trim() === "") throw new EventsInputError("no events: the input is empty");
  try {
    const v = JSON.parse(body) as unknown;
    if (Array.isArray(v)) return { events: v, format: "array" };
    if (typeof v === "object" && v !== null) return { events: [v], format: "object" };
    throw new EventsInputError("expected a JSON object, an array of objects or JSON lines");
  } catch (e) {
    if (e instanceof EventsInputError) throw e;
    // fall through: maybe JSON lines / concatenated objects
  }
  const events: unknown[] = [];
  let i = 0;
  while (i < body.length) {
    while (i < body.length && /\s/.test(body[i] as string)) i++;
    if (i >= body.length) break;
    const end = scanValue(body, i);
    const slice = body.slice(i, end);
    let v: unknown;
    try {
      v = JSON.parse(slice);
    } catch (e) {
      throw new EventsInputError(`invalid JSON: ${(e as Error).message}`, lineAt(body, i));
    }
    if (typeof v !== "object" || v === null || Array.isArray(v)) {
      throw new EventsInputError("expected one JSON object per event", lineAt(body, i));
    }
    events.push(v);
    i = end;
  }
  return { events, format: "stream" };
}

/** Shortens long values in the middle, keeping the (usually telling) end of paths. */
function short(v: unknown, max: number): string {
  const s = typeof v === "string" ? v : (JSON.stringify(v) ?? String(v));
  if (s.length <= max) return s;
  const head = Math.floor((max - 1) * 0.4);
  return `${s.slice(0, head)}…${s.slice(s.length - (max - 1 - head))}`;
}

const INTERESTING = [
  "EventID",
  "Image",
  "CommandLine",
  "TargetFilename",
  "TargetObject",
  "Details",
  "ImageLoaded",
  "TargetImage",
  "ParentImage",
  "DestinationIp",
  "QueryName",
  "ServiceName",
  "TargetUserName",
  "ScriptBlockText",
  "eventName",
  "eventSource",
  "Channel",
];

/** A one-line summary of an event (a few identifying fields). */
export function summarizeEvent(event: unknown, maxLength = 240): string {
  const ev = prepareEvent(event);
  const parts: string[] = [];
  for (const f of INTERESTING) {
    const r = getField(ev, f);
    if (r.found && r.value !== null && r.value !== "" && typeof r.value !== "object") parts.push(`${f}=${short(r.value, 60)}`);
    if (parts.length >= 4) break;
  }
  if (parts.length === 0 && typeof event === "object" && event !== null && !Array.isArray(event)) {
    for (const [k, v] of Object.entries(event)) {
      if (v === null || typeof v === "object") continue;
      parts.push(`${k}=${short(v, 40)}`);
      if (parts.length >= 4) break;
    }
  }
  const s = parts.join(" ") || short(event, maxLength);
  return s.length > maxLength ? `${s.slice(0, maxLength - 1)}…` : s;
}
