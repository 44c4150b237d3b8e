import type { AtomicTest } from "@/lib/attack/derive";

export type AtomicRow = Pick<AtomicTest, "guid" | "technique" | "number" | "name" | "platforms" | "executor">;

export function atomicUrl(technique: string): string {
  return `https://github.com/redcanaryco/atomic-red-team/blob/master/atomics/${technique}/${technique}.md`;
}

export function AtomicTestTable({ tests, techniqueId }: { tests: AtomicRow[]; techniqueId: string }) {
  if (tests.length === 0) return <p>Atomic Red Team has no test for {techniqueId}.</p>;
  return (
    <div className="table-wrap" tabIndex={0} role="region" aria-label={`Atomic Red Team tests for ${techniqueId}`}>
      <table>
        <caption>
          {tests.length} test{tests.length > 1 ? "s" : ""} from the <a href={atomicUrl(techniqueId)}>Atomic Red Team</a> index (MIT licence).
        </caption>
        <thead>
          <tr>
            <th scope="col">#</th>
            <th scope="col">Test</th>
            <th scope="col">Platforms</th>
            <th scope="col">Executor</th>
          </tr>
        </thead>
        <tbody>
          {tests.map((t) => (
            <tr key={t.guid}>
              <td>{`${t.technique} #${t.number}`}</td>
              <td>
                {t.name}
                <div className="muted small">{t.guid}</div>
              </td>
              <td>{t.platforms.join(", ")}</td>
              <td>{t.executor}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
