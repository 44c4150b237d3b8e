/** The public origin used for canonical URLs, sitemaps and feeds. */
export function siteUrl(): string {
  const raw = process.env.SITE_URL ?? process.env.NEXTAUTH_URL ?? "http://localhost:3000";
  return raw.replace(/\/+$/, "");
}
