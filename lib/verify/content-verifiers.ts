/**
 * The verifiers content:check runs on top of the structural checks. Kept in one list so the
 * command, the build and the tests agree on what "verified" means.
 */
import type { Verifier } from "@/lib/content/check";
import { checkProFiles } from "@/lib/content/pro-check";
import { kqlVerifier } from "./kql-verifier";
import { sigmaVerifier } from "./sigma-verifier";

export function contentVerifiers(): Verifier[] {
  return [{ name: "pro-files", verify: checkProFiles }, sigmaVerifier, kqlVerifier];
}
