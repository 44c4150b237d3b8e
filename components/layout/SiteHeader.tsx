import Link from "next/link";
import type { ReactNode } from "react";
import { ThemeToggle } from "@/components/theme/ThemeToggle";

export interface NavItem {
  href: string;
  label: string;
}

/** The site header: plain server HTML; the search box, account link and theme toggle are small islands. */
export function SiteHeader({ nav, search, account }: { nav: NavItem[]; search?: ReactNode; account?: ReactNode }) {
  return (
    <header className="site-header">
      <div className="wrap">
        <Link href="/" prefetch={false} className="brand">
          Huntbook
        </Link>
        <nav aria-label="Main" className="site-nav">
          {nav.map((n) => (
            <Link key={n.href} href={n.href} prefetch={false}>
              {n.label}
            </Link>
          ))}
        </nav>
        <div className="header-search">{search}</div>
        {account}
        <ThemeToggle />
      </div>
    </header>
  );
}
