/** Small helpers shared by the sigma-check / sigma-match command-line tools. */
import { pathToFileURL } from "node:url";

export interface CliIO {
  stdout(text: string): void;
  stderr(text: string): void;
}

export const processIO: CliIO = {
  stdout: (t) => void process.stdout.write(t),
  stderr: (t) => void process.stderr.write(t),
};

/** Parses a `NAME=V1,V2` placeholder option into `into`; returns an error message or null. */
export function parsePlaceholderOption(value: string, into: Record<string, string[]>): string | null {
  const eq = value.indexOf("=");
  if (eq <= 0) return `invalid --placeholder '${value}' (expected NAME=VALUE[,VALUE...])`;
  const name = value.slice(0, eq).replace(/^%|%$/g, "");
  into[name] = [...(into[name] ?? []), ...value.slice(eq + 1).split(",")];
  return null;
}

/** Runs `main` when the module is the process entry point (`npx tsx scripts/verify/x.ts ...`). */
export function runIfMain(importMetaUrl: string, name: string, main: (argv: string[]) => Promise<number>): void {
  const entry = process.argv[1];
  if (!entry || importMetaUrl !== pathToFileURL(entry).href) return;
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (e: unknown) => {
      process.stderr.write(`${name}: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
      process.exitCode = 2;
    },
  );
}
