import { describe, expect, it } from "vitest";
import { authOptions, emailSignInEnabled, githubSignInEnabled, useSecureCookies } from "./options";

describe("next-auth configuration", () => {
  it("uses JWT sessions (required by the credentials provider) and our own pages", () => {
    const o = authOptions();
    expect(o.session?.strategy).toBe("jwt");
    expect(o.pages?.signIn).toBe("/signin");
    expect(o.providers.map((p) => p.id)).toContain("credentials");
  });

  it("Secure cookies follow the scheme of the public URL, not NODE_ENV", () => {
    expect(useSecureCookies("https://huntbook.example")).toBe(true);
    expect(useSecureCookies("http://localhost:3210")).toBe(false);
  });

  it("the redirect callback keeps users on our origin", async () => {
    const redirect = authOptions().callbacks?.redirect;
    expect(redirect).toBeDefined();
    const base = "http://localhost:3000";
    expect(await redirect?.({ url: "https://evil.example/x", baseUrl: base })).toBe(`${base}/`);
    expect(await redirect?.({ url: `${base}/techniques/T1055/sentinel`, baseUrl: base })).toBe(`${base}/techniques/T1055/sentinel`);
  });

  it("e-mail links need SMTP, development, or the explicit log flag; GitHub needs both keys", () => {
    expect(emailSignInEnabled({ NODE_ENV: "production" })).toBe(false);
    expect(emailSignInEnabled({ NODE_ENV: "production", EMAIL_SERVER: "smtp://u:p@mail.example:587" })).toBe(true);
    expect(emailSignInEnabled({ NODE_ENV: "development" })).toBe(true);
    expect(emailSignInEnabled({ NODE_ENV: "production", HUNTBOOK_EMAIL_LINKS_TO_LOG: "1" })).toBe(true);
    expect(githubSignInEnabled({ GITHUB_ID: "x" })).toBe(false);
    expect(githubSignInEnabled({ GITHUB_ID: "x", GITHUB_SECRET: "y" })).toBe(true);
  });
});
