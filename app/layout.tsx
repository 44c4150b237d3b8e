import type { Metadata, Viewport } from "next";
import type { ReactNode } from "react";
import { AccountMenu } from "@/components/layout/AccountMenu";
import { SiteFooter } from "@/components/layout/SiteFooter";
import { SiteHeader } from "@/components/layout/SiteHeader";
import { SearchBox } from "@/components/search/SearchBox";
import { attackNotice, attackVersion } from "@/lib/attack/catalog";
import { siteUrl } from "@/lib/site";
import "./globals.css";

export const metadata: Metadata = {
  metadataBase: new URL(siteUrl()),
  title: { default: "Huntbook: verified ATT&CK detections", template: "%s | Huntbook" },
  description:
    "Look up a MITRE ATT&CK® technique by ID, copy a schema-checked Microsoft Sentinel KQL query, download a tested Sigma rule and see which Atomic Red Team tests exercise it.",
  applicationName: "Huntbook",
  openGraph: { siteName: "Huntbook", type: "website", locale: "en_GB" },
  alternates: { types: { "application/atom+xml": [{ url: "/feed.xml", title: "Huntbook: new and updated detections" }] } },
};

export const viewport: Viewport = {
  themeColor: [
    { media: "(prefers-color-scheme: light)", color: "#f7f8fa" },
    { media: "(prefers-color-scheme: dark)", color: "#0f1319" },
  ],
};

const NAV = [
  { href: "/", label: "Techniques" },
  { href: "/detections", label: "Detections" },
  { href: "/pricing", label: "Pricing" },
];

/** Plain HTML for every page; MUI loads only under the form routes (components/theme/FormsLayout). */
export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en" suppressHydrationWarning>
      <head>
        {/* eslint-disable-next-line @next/next/no-sync-scripts -- must run before first paint to avoid a theme flash */}
        <script src="/theme-init.js" />
      </head>
      <body>
        <a className="skip-link" href="#main">
          Skip to content
        </a>
        <SiteHeader nav={NAV} search={<SearchBox />} account={<AccountMenu />} />
        <main id="main" className="wrap main">
          {children}
        </main>
        <SiteFooter attackVersion={attackVersion} attackNotice={attackNotice} />
      </body>
    </html>
  );
}
