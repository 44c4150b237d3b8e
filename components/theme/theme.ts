"use client";
import { createTheme } from "@mui/material/styles";

/** One theme with light and dark schemes; the active one follows the system unless toggled. */
export const theme = createTheme({
  cssVariables: { colorSchemeSelector: "data-mui-color-scheme" },
  colorSchemes: {
    light: {
      palette: {
        primary: { main: "#0b5cad" },
        secondary: { main: "#7a3db8" },
        background: { default: "#f7f8fa", paper: "#ffffff" },
      },
    },
    dark: {
      palette: {
        primary: { main: "#7cb7ff" },
        secondary: { main: "#c9a2f5" },
        background: { default: "#0f1319", paper: "#161b22" },
      },
    },
  },
  typography: {
    fontFamily:
      'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, "Noto Sans", sans-serif',
    h1: { fontSize: "2rem", fontWeight: 700, lineHeight: 1.25 },
    h2: { fontSize: "1.4rem", fontWeight: 650, lineHeight: 1.3 },
    h3: { fontSize: "1.1rem", fontWeight: 650 },
  },
  shape: { borderRadius: 8 },
  components: {
    MuiLink: { defaultProps: { underline: "always" } },
  },
});
