"use client";
import { ThemeProvider } from "@mui/material/styles";
import { AppRouterCacheProvider } from "@mui/material-nextjs/v16-appRouter";
import type { ReactNode } from "react";
import { theme } from "./theme";

/**
 * MUI for the form pages only (components/theme/FormsLayout.tsx). The page chrome and the base
 * styles come from app/globals.css, so there is no CssBaseline: MUI components render inside
 * plain HTML that already has the site's colours and fonts.
 */
export function ThemeRegistry({ children }: { children: ReactNode }) {
  return (
    <AppRouterCacheProvider options={{ key: "mui" }}>
      <ThemeProvider theme={theme} defaultMode="system">
        {children}
      </ThemeProvider>
    </AppRouterCacheProvider>
  );
}
