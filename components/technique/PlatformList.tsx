import type { PlatformAvailability } from "@/lib/content/views";

/** Every platform we publish for, with a link where we have a detection and "not yet" otherwise. */
export function PlatformList({ techniqueId, availability, current }: { techniqueId: string; availability: PlatformAvailability[]; current?: string }) {
  return (
    <ul className="plain-list stack" aria-label={`Platforms for ${techniqueId}`}>
      {availability.map((a) => {
        const text = `${techniqueId} · ${a.label} · ${a.language}`;
        return (
          <li key={a.platform} className="row" data-platform={a.platform}>
            {a.href && a.platform !== current ? <a href={a.href}>{text}</a> : <span className={a.href ? undefined : "muted"}>{text}</span>}
            {a.platform === current ? (
              <span className="chip chip-quiet">this page</span>
            ) : a.href ? (
              <span className="chip chip-success">available</span>
            ) : (
              <span className="chip">not available yet</span>
            )}
          </li>
        );
      })}
    </ul>
  );
}
