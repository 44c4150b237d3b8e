import type { ReactNode } from "react";

/** A titled page section; the id doubles as the heading anchor and the aria label target. */
export function Section({ id, title, children, actions }: { id: string; title: string; children: ReactNode; actions?: ReactNode }) {
  return (
    <section aria-labelledby={`${id}-title`} id={id} className="section">
      <div className="section-head">
        <h2 id={`${id}-title`}>
          <a href={`#${id}`}>{title}</a>
        </h2>
        {actions}
      </div>
      {children}
    </section>
  );
}
