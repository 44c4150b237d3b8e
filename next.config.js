/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // `npm test` type-checks the whole project once with tsc before building; it sets this so the
  // build does not repeat that work.
  typescript: { ignoreBuildErrors: process.env.HUNTBOOK_TYPECHECKED === "1" },
  // The content loader reads content/ at build time; keep those files out of client bundles.
  serverExternalPackages: ["@kusto/language-service-next", "better-sqlite3"],
  outputFileTracingIncludes: {
    "/**": ["./content/**/*"],
  },
};

export default nextConfig;
