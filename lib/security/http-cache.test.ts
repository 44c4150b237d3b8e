import { describe, expect, it } from "vitest";
import { isFresh } from "./http-cache";

const h = (init: Record<string, string>) => new Headers(init);

describe("isFresh (If-None-Match for prerendered pages)", () => {
  const etag = '"abc123"';
  it("matches the page's ETag, alone, in a list, or weak", () => {
    expect(isFresh(h({ "if-none-match": '"abc123"' }), etag)).toBe(true);
    expect(isFresh(h({ "if-none-match": '"x", "abc123"' }), etag)).toBe(true);
    expect(isFresh(h({ "if-none-match": 'W/"abc123"' }), etag)).toBe(true);
    expect(isFresh(h({ "if-none-match": "*" }), etag)).toBe(true);
  });
  it("is stale without the header, for another ETag, or when the client bypasses caches", () => {
    expect(isFresh(h({}), etag)).toBe(false);
    expect(isFresh(h({ "if-none-match": '"abc1234"' }), etag)).toBe(false);
    expect(isFresh(h({ "if-none-match": '"abc123"', "cache-control": "no-cache" }), etag)).toBe(false);
    expect(isFresh(h({ "if-none-match": '"abc123"', "cache-control": "max-age=0, no-cache" }), etag)).toBe(false);
    expect(isFresh(h({ "if-none-match": '"abc123"', "cache-control": "max-age=0" }), etag)).toBe(true);
  });
});
