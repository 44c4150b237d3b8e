import AppBar from "@mui/material/AppBar";
import Box from "@mui/material/Box";
import Toolbar from "@mui/material/Toolbar";
import type { ReactNode } from "react";
import { ThemeToggle } from "@/components/theme/ThemeToggle";
import { AppLink } from "@/components/ui/links";

export interface NavItem {
  href: string;
  label: string;
}

export function SiteHeader({ nav, search, account }: { nav: NavItem[]; search?: ReactNode; account?: ReactNode }) {
  return (
    <AppBar position="static" color="default" elevation={0} sx={{ borderBottom: 1, borderColor: "divider" }}>
      <Toolbar sx={{ gap: 2, flexWrap: "wrap", py: 1 }}>
        <AppLink href="/" color="inherit" underline="none" sx={{ fontWeight: 800, fontSize: 20, mr: 1 }}>
          Huntbook
        </AppLink>
        <Box component="nav" aria-label="Main" sx={{ display: "flex", gap: 2, flexWrap: "wrap" }}>
          {nav.map((n) => (
            <AppLink key={n.href} href={n.href} color="inherit" underline="hover">
              {n.label}
            </AppLink>
          ))}
        </Box>
        <Box sx={{ flexGrow: 1, minWidth: 0, display: "flex", justifyContent: "flex-end" }}>{search}</Box>
        {account}
        <ThemeToggle />
      </Toolbar>
    </AppBar>
  );
}
