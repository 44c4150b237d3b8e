/**
 * One unit of KQL checking for content:check (a detection query, or every ```kql block of a Pro
 * file), in a shape that can cross a worker-thread boundary.
 */
import { checkKql, checkKqlSource, warmUpKqlChecker, type KqlFlavour } from "@/lib/verify/kql";

export interface KqlJob {
  kind: "query" | "markdown";
  text: string;
  flavour: KqlFlavour;
}

export interface KqlJobDiagnostic {
  code: string;
  message: string;
  line: number;
  column: number;
}

export interface KqlJobResult {
  errors: KqlJobDiagnostic[];
  /** Tables the query reads (queries only). */
  tables: string[];
}

export function runKqlJob(job: KqlJob): KqlJobResult {
  const pick = (d: KqlJobDiagnostic): KqlJobDiagnostic => ({ code: d.code, message: d.message, line: d.line, column: d.column });
  if (job.kind === "query") {
    const r = checkKql(job.text, { flavour: job.flavour });
    return { errors: r.errors.map(pick), tables: [...r.tables] };
  }
  const r = checkKqlSource(job.text, "markdown", { flavour: job.flavour });
  return { errors: r.diagnostics.filter((d) => d.severity === "error").map(pick), tables: [] };
}

/** Loads the parser and builds the Sentinel schema state (the flavour of all published content). */
export function warmUp(): void {
  warmUpKqlChecker(["sentinel"]);
}
