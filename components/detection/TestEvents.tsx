export interface EventCaseView {
  description: string;
  json: string;
  expected: "match" | "no match";
}

/** The events our Sigma rule is tested on, viewable inline (they are ours and public). */
export function TestEvents({ cases }: { cases: EventCaseView[] }) {
  return (
    <div className="stack events">
      {cases.map((c, i) => (
        <details key={i}>
          <summary>
            <strong>{c.expected === "match" ? "True positive" : "Benign"}</strong>: {c.description}
          </summary>
          <pre tabIndex={0}>{c.json}</pre>
        </details>
      ))}
    </div>
  );
}
