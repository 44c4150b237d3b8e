// Types for next.config.js, which is plain JavaScript so that Next loads it without a compile step;
// lib/security/proxy.test.ts imports it to check its header rules.
import type { NextConfig } from "next";

declare const nextConfig: NextConfig;
export default nextConfig;
