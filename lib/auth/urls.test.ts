import { describe, expect, it } from "vitest";
import { safeCallbackPath, safeRedirectUrl } from "./urls";

const O = "http://localhost:3000";

describe("callback URLs stay on our origin", () => {
  it.each([
    ["/techniques/T1055/sentinel", "/techniques/T1055/sentinel"],
    ["/account?x=1#y", "/account?x=1#y"],
    [`${O}/pricing`, "/pricing"],
  ])("keeps %s", (raw, want) => expect(safeCallbackPath(raw, O)).toBe(want));

  it.each([
    "https://evil.example/",
    "//evil.example/path",
    "/\\evil.example",
    "\\\\evil.example",
    "javascript:alert(1)",
    "http://localhost:3001/",
    "https://localhost:3000/",
    " /account",
    "",
    "relative/path",
  ])("replaces %j with the fallback", (raw) => expect(safeCallbackPath(raw, O, "/fallback")).toBe("/fallback"));

  it("non-strings fall back", () => {
    expect(safeCallbackPath(undefined, O)).toBe("/");
    expect(safeCallbackPath(["/a"], O)).toBe("/");
  });

  it("next-auth redirect callback returns absolute same-origin URLs", () => {
    expect(safeRedirectUrl("https://evil.example/x", O)).toBe(`${O}/`);
    expect(safeRedirectUrl("/account", O)).toBe(`${O}/account`);
  });
});
