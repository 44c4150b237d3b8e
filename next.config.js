/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
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
};

export default nextConfig;
