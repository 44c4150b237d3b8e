"use client";
import IconButton from "@mui/material/IconButton";
import Tooltip from "@mui/material/Tooltip";
import { useColorScheme } from "@mui/material/styles";

const NEXT: Record<string, "light" | "dark" | "system"> = { system: "light", light: "dark", dark: "system" };
const LABEL: Record<string, string> = { system: "Theme: system", light: "Theme: light", dark: "Theme: dark" };
const GLYPH: Record<string, string> = { system: "◐", light: "☀", dark: "☾" };

/** Cycles system → light → dark. The label says the current mode for screen readers. */
export function ThemeToggle() {
  const { mode, setMode } = useColorScheme();
  const current = mode ?? "system";
  return (
    <Tooltip title={`${LABEL[current]} (click to change)`}>
      <IconButton
        aria-label={`${LABEL[current]}. Switch to ${NEXT[current]}`}
        onClick={() => setMode(NEXT[current] ?? "system")}
        color="inherit"
        size="small"
        data-testid="theme-toggle"
      >
        <span aria-hidden="true" style={{ fontSize: 18, width: 22, display: "inline-block" }}>
          {GLYPH[current]}
        </span>
      </IconButton>
    </Tooltip>
  );
}
