import type { Platform } from "@/lib/content/types";

/** Short platform names for dense places (matrix cells, search results). */
export const PLATFORM_SHORT: Record<Platform, string> = {
  sentinel: "Sentinel",
  "defender-xdr": "Defender XDR",
  splunk: "Splunk",
  elastic: "Elastic",
};
