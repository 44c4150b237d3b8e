/**
 * The site's colours, one set per scheme. app/globals.css declares the same values as CSS custom
 * properties (--bg, --text, ...) for the public pages; the MUI theme of the form pages (theme.ts)
 * is built from this file, so both look like one site. palette.test.ts keeps the two in step.
 * Every text colour meets WCAG AA (4.5:1) on bg, paper and the tinted "covered" cells.
 */
export interface SchemePalette {
  bg: string;
  paper: string;
  text: string;
  text2: string;
  divider: string;
  primary: string;
  onPrimary: string;
  secondary: string;
  success: string;
  error: string;
  warning: string;
  info: string;
}

export const PALETTE: Record<"light" | "dark", SchemePalette> = {
  light: {
    bg: "#f7f8fa",
    paper: "#ffffff",
    text: "#1d2127",
    text2: "#50575f",
    divider: "#d9dce1",
    primary: "#0b5cad",
    onPrimary: "#ffffff",
    secondary: "#7a3db8",
    success: "#1b6e20",
    error: "#c62828",
    warning: "#8a4b00",
    info: "#01579b",
  },
  dark: {
    bg: "#0f1319",
    paper: "#161b22",
    text: "#e6e8eb",
    text2: "#a3acb7",
    divider: "#343b45",
    primary: "#7cb7ff",
    onPrimary: "#0f1319",
    secondary: "#c9a2f5",
    success: "#81c784",
    error: "#ff8a80",
    warning: "#ffb74d",
    info: "#81d4fa",
  },
};

/** CSS custom property name for each palette key (app/globals.css). */
export const CSS_VAR: Record<keyof SchemePalette, string> = {
  bg: "--bg",
  paper: "--paper",
  text: "--text",
  text2: "--text2",
  divider: "--divider",
  primary: "--primary",
  onPrimary: "--on-primary",
  secondary: "--secondary",
  success: "--success",
  error: "--error",
  warning: "--warning",
  info: "--info",
};
