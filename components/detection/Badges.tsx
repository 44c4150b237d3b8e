import type { Confidence, Severity } from "@/lib/content/types";

const SEVERITY_CLASS: Record<Severity, string> = {
  informational: "chip",
  low: "chip chip-info",
  medium: "chip chip-warning",
  high: "chip chip-error",
  critical: "chip chip-error chip-filled",
};

export function SeverityChip({ severity }: { severity: Severity }) {
  return <span className={SEVERITY_CLASS[severity]}>{`Severity: ${severity}`}</span>;
}

export function ConfidenceChip({ confidence }: { confidence: Confidence }) {
  return <span className="chip">{`Confidence: ${confidence}`}</span>;
}
