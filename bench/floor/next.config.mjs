// The framework floor: a bare Next.js app, same Next version as Huntbook (resolved from the
// repository's node_modules two folders up). Turbopack's root is the repository so it finds them.
import path from "node:path";
import { fileURLToPath } from "node:url";

const here = path.dirname(fileURLToPath(import.meta.url));

export default {
  reactStrictMode: true,
  poweredByHeader: false,
  turbopack: { root: path.resolve(here, "..", "..") },
  outputFileTracingRoot: path.resolve(here, "..", ".."),
};
