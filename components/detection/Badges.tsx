import Chip from "@mui/material/Chip";
import type { Confidence, Severity } from "@/lib/content/types";

const SEVERITY_COLOR: Record<Severity, "default" | "info" | "warning" | "error"> = {
  informational: "default",
  low: "info",
  medium: "warning",
  high: "error",
  critical: "error",
};

export function SeverityChip({ severity }: { severity: Severity }) {
  return <Chip size="small" color={SEVERITY_COLOR[severity]} variant={severity === "critical" ? "filled" : "outlined"} label={`Severity: ${severity}`} />;
}

export function ConfidenceChip({ confidence }: { confidence: Confidence }) {
  return <Chip size="small" variant="outlined" label={`Confidence: ${confidence}`} />;
}
