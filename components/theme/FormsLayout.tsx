import type { ReactNode } from "react";
import { ThemeRegistry } from "./ThemeRegistry";

/**
 * Layout of the routes whose forms use MUI (/signin, /signup, /account, /pricing, /checkout).
 * Each of those segments re-exports it as its layout.tsx, so MUI and emotion load there and
 * nowhere else; every other page is plain HTML styled by app/globals.css and CSS modules.
 */
export default function FormsLayout({ children }: { children: ReactNode }) {
  return <ThemeRegistry>{children}</ThemeRegistry>;
}
