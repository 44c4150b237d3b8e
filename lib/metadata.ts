import type { Metadata } from "next";

export const SITE_NAME = "Huntbook";

/**
 * Per-page title, description, canonical URL and OpenGraph/Twitter cards. Paths are resolved
 * against `metadataBase` (SITE_URL) set in the root layout. Next replaces (does not merge) a
 * parent's openGraph object, so every page sets the whole card here.
 */
export function pageMetadata({
  title,
  description,
  path,
  type = "website",
  index = true,
}: {
  title: string;
  description: string;
  path: string;
  type?: "website" | "article";
  index?: boolean;
}): Metadata {
  return {
    title,
    description,
    alternates: { canonical: path, types: { "application/atom+xml": [{ url: "/feed.xml", title: "Huntbook: new and updated detections" }] } },
    openGraph: { title: `${title} | ${SITE_NAME}`, description, url: path, type, siteName: SITE_NAME, locale: "en_GB" },
    twitter: { card: "summary", title: `${title} | ${SITE_NAME}`, description },
    ...(index ? {} : { robots: { index: false, follow: true } }),
  };
}
