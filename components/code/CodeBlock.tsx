import Box from "@mui/material/Box";
import Typography from "@mui/material/Typography";
import type { ReactNode } from "react";
import { CopyButton } from "./CopyButton";

/**
 * A highlighted code block. `html` is shiki's output for `code` (made on the server); the copy
 * button copies `code` itself, so what lands on the clipboard is exactly the published text.
 */
export function CodeBlock({
  html,
  code,
  label,
  copyLabel,
  actions,
  testId,
}: {
  html: string;
  code: string;
  label: string;
  copyLabel?: string;
  actions?: ReactNode;
  testId?: string;
}) {
  return (
    <Box component="figure" sx={{ m: 0, border: 1, borderColor: "divider", borderRadius: 2, overflow: "hidden" }} data-testid={testId}>
      <Box
        component="figcaption"
        sx={{ display: "flex", alignItems: "center", gap: 1, px: 2, py: 1, borderBottom: 1, borderColor: "divider", bgcolor: "action.hover" }}
      >
        <Typography variant="body2" sx={{ fontWeight: 600, flexGrow: 1 }}>
          {label}
        </Typography>
        {actions}
        <CopyButton text={code} label={copyLabel} />
      </Box>
      {/* Shiki's HTML is generated on the server from our own committed content. */}
      <div className="code-block" tabIndex={0} aria-label={label} role="region" dangerouslySetInnerHTML={{ __html: html }} />
    </Box>
  );
}
