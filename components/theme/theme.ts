"use client";
import { createTheme } from "@mui/material/styles";
import { PALETTE, type SchemePalette } from "./palette";

function palette(p: SchemePalette) {
  return {
    primary: { main: p.primary, contrastText: p.onPrimary },
    secondary: { main: p.secondary },
    success: { main: p.success },
    error: { main: p.error },
    warning: { main: p.warning },
    info: { main: p.info },
    background: { default: p.bg, paper: p.paper },
    text: { primary: p.text, secondary: p.text2 },
    divider: p.divider,
  };
}

/**
 * The MUI theme of the form pages (sign-in, sign-up, account, pricing, checkout). Its colours come
 * from palette.ts, the same values app/globals.css gives the public pages, and it follows the
 * same `data-mui-color-scheme` attribute that public/theme-init.js and ThemeToggle set.
 */
export const theme = createTheme({
  cssVariables: { colorSchemeSelector: "data-mui-color-scheme" },
  colorSchemes: {
    light: { palette: palette(PALETTE.light) },
    dark: { palette: palette(PALETTE.dark) },
  },
  typography: {
    fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, "Noto Sans", sans-serif',
    h1: { fontSize: "2rem", fontWeight: 700, lineHeight: 1.25 },
    h2: { fontSize: "1.4rem", fontWeight: 650, lineHeight: 1.3 },
    h3: { fontSize: "1.1rem", fontWeight: 650 },
  },
  shape: { borderRadius: 8 },
  components: {
    MuiLink: { defaultProps: { underline: "always" } },
  },
});
