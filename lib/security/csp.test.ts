import { createHash } from "node:crypto";
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { buildCsp, disallowedInlineScripts, inlineScriptHashes, inlineScripts, scriptSources } from "./csp";
import { htmlFileFor, prerenderedScriptHashes } from "./static-html";

const html = `<html><head><script src="/_next/static/a.js" async></script><script>self.__next_f=self.__next_f||[];</script></head>
<body><script>self.__next_f.push([1,"x"])</script><script type="application/ld+json">{"a":1}</script></body></html>`;

describe("CSP hashes for prerendered pages", () => {
  it("finds inline scripts only", () => {
    expect(inlineScripts(html).map((s) => s.body)).toEqual(['self.__next_f=self.__next_f||[];', 'self.__next_f.push([1,"x"])', '{"a":1}']);
  });

  it("hashes exactly the script text (sha256, base64)", () => {
    const want = `'sha256-${createHash("sha256").update('self.__next_f.push([1,"x"])').digest("base64")}'`;
    expect(inlineScriptHashes(html)).toContain(want);
  });

  it("a policy with the page's hashes allows its scripts; one without them does not", () => {
    const ok = buildCsp({ nonce: "n1", hashes: inlineScriptHashes(html) });
    expect(disallowedInlineScripts(html, ok)).toEqual([]);
    const bad = buildCsp({ nonce: "n1", hashes: [] });
    expect(disallowedInlineScripts(html, bad)).toHaveLength(2);
    const tampered = html.replace('"x"', '"y"');
    expect(disallowedInlineScripts(tampered, ok)).toHaveLength(1);
  });

  it("a nonce covers scripts that carry it", () => {
    const dyn = `<script nonce="abc">alert(1)</script>`;
    expect(disallowedInlineScripts(dyn, buildCsp({ nonce: "abc", hashes: [] }))).toEqual([]);
    expect(disallowedInlineScripts(dyn, buildCsp({ nonce: "other", hashes: [] }))).toHaveLength(1);
  });

  it("never allows inline script wholesale, forbids framing, plugins and foreign forms", () => {
    const csp = buildCsp({ nonce: "n", hashes: ["'sha256-x'"] });
    expect(scriptSources(csp)).not.toContain("'unsafe-inline'");
    expect(scriptSources(csp)).not.toContain("'unsafe-eval'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
    expect(csp).toContain("form-action 'self'");
    expect(csp).toContain("base-uri 'self'");
  });

  it("maps paths to build files without escaping the build folder", () => {
    const root = mkdtempSync(path.join(os.tmpdir(), "csp-"));
    mkdirSync(path.join(root, "techniques", "T1055"), { recursive: true });
    writeFileSync(path.join(root, "techniques", "T1055", "sentinel.html"), "<script>a()</script>");
    writeFileSync(path.join(root, "_not-found.html"), "<script>nf()</script>");
    writeFileSync(path.join(root, "index.html"), "<script>home()</script>");
    expect(htmlFileFor("/", root)).toBe(path.join(root, "index.html"));
    expect(htmlFileFor("/../../etc/passwd", root)).toBeNull();
    expect(htmlFileFor("/%2e%2e/%2e%2e/etc/passwd", root)).toBeNull();
    expect(prerenderedScriptHashes("/techniques/T1055/sentinel", root)).toEqual(inlineScriptHashes("<script>a()</script>"));
    expect(prerenderedScriptHashes("/techniques/T1055/sentinel/", root)).toEqual(inlineScriptHashes("<script>a()</script>"));
    expect(prerenderedScriptHashes("/", root)).toEqual(inlineScriptHashes("<script>home()</script>"));
    expect(prerenderedScriptHashes("/nope", root)).toEqual(inlineScriptHashes("<script>nf()</script>"));
  });

  it("also allows the runtime response-cache copy (pages first rendered at run time)", () => {
    const root = mkdtempSync(path.join(os.tmpdir(), "csp-"));
    const app = path.join(root, "app");
    mkdirSync(app, { recursive: true });
    const cached = path.join(root, "route-cache", "APP_PAGE", "abc123", "$", "techniques", "T9999");
    mkdirSync(cached, { recursive: true });
    writeFileSync(path.join(cached, "sentinel.html"), `<script nonce="old">late()</script>`);
    expect(prerenderedScriptHashes("/techniques/T9999/sentinel", app)).toEqual(inlineScriptHashes("<script>late()</script>"));
  });
});
