/** @type {import('next').NextConfig} */

// Headers for every response, static files included. The Content-Security-Policy is per response
// and comes from proxy.ts (hashes for prerendered pages, a nonce for the rest).
const securityHeaders = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  { key: "X-Frame-Options", value: "DENY" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), payment=()" },
  { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
];

const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // Next would hash every page's HTML on every response to make its ETag (3 ms for the 650 kB
  // home page, 14 % of the server's time on a technique page). The build computes the same ETags
  // once (scripts/csp-manifest.ts) and proxy.ts sets them and answers If-None-Match with 304.
  generateEtags: false,
  // The build-scaling benchmark (bench/) builds other content folders side by side with the real
  // build; it points each at its own output folder. Unset everywhere else.
  distDir: process.env.HUNTBOOK_DIST_DIR || ".next",
  // `npm test` type-checks the whole project once with tsc before building; it sets this so the
  // build does not repeat that work.
  typescript: { ignoreBuildErrors: process.env.HUNTBOOK_TYPECHECKED === "1" },
  // The content loader reads content/ at build time; keep those files out of client bundles.
  serverExternalPackages: ["@kusto/language-service-next", "better-sqlite3"],
  outputFileTracingIncludes: {
    "/**": ["./content/**/*"],
  },
  async headers() {
    return [
      { source: "/:path*", headers: securityHeaders },
      // A request with a `next-action` header skips proxy.ts (see its `config`): server actions
      // called from script, whose RSC replies need no CSP. Anything else sent with that header (a
      // forged GET gets the page) must not be stored by a shared cache or run a script.
      {
        source: "/:path*",
        has: [{ type: "header", key: "next-action" }],
        headers: [
          { key: "Cache-Control", value: "private, no-store" },
          { key: "Content-Security-Policy", value: "default-src 'none'; frame-ancestors 'none'" },
        ],
      },
    ];
  },
};

export default nextConfig;
