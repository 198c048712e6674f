import { describe, expect, it } from "vitest";
import { MESSAGE_URL_KEYS, parseMessageUrl, serializeMessageUrl } from "./search-url";

// The message URL's own keys (the filters' are round-tripped in lib/filters/registry.test.ts).
const VALID = {
  range: "7d",
  sort: "-subject",
  per_page: "25",
  prev: "c1,c2",
  cursor: "c3",
  page: "4",
} as const;

const INVALID: Record<keyof typeof VALID, [string, RegExp][]> = {
  range: [["1y", /Range must be one of 24h, 7d, 30d/]],
  sort: [["Subject!", /Sort must be a column name/]],
  per_page: [["abc", /whole number/], ["0", /at least 1/], ["201", /at most 200/]],
  prev: [["c1,../x", /cursor is not one Cloudflare issued/]],
  cursor: [["a b", /cursor is not one Cloudflare issued/], ["x".repeat(5000), /too long/]],
  page: [["0", /at least 1/], ["two", /whole number/]],
};

const withCursor = (key: string, qs: string) => (key === "prev" ? `${qs}&cursor=c3` : qs);

describe("the message URL's keys", () => {
  it("defines every key once, in URL order", () => {
    expect(Object.keys(MESSAGE_URL_KEYS.defs).slice(-6)).toEqual(["range", "sort", "per_page", "prev", "cursor", "page"]);
  });

  it.each(Object.entries(VALID))("round-trips %s", (key, value) => {
    const qs = withCursor(key, `${key}=${value}`);
    const parsed = parseMessageUrl(new URLSearchParams(qs));
    expect(parsed.errors).toEqual({});
    const written = serializeMessageUrl(parsed.state);
    expect(new URLSearchParams(written).get(key)).toBe(value);
    expect(parseMessageUrl(new URLSearchParams(written)).state).toEqual(parsed.state);
  });

  it.each(Object.entries(INVALID).flatMap(([key, cases]) => cases.map(([value, message]) => [key, value, message] as const)))(
    "refuses %s=%s next to it, keeping what was typed",
    (key, value, message) => {
      const parsed = parseMessageUrl(new URLSearchParams(withCursor(key, `${key}=${encodeURIComponent(value)}`)));
      expect(parsed.errors[key as keyof typeof VALID]).toMatch(message);
      expect(parsed.raw[key as keyof typeof VALID]).toBe(value);
    },
  );

  it.each([
    ["range=7d&start=2026-11-01T00:00:00Z", "range", /preset or a custom start\/end/],
    ["page=2&cursor=c1", "page", /page number and a cursor/],
    ["prev=c1", "prev", /without a current page/],
    ["start=2026-11-02T00:00:00Z&end=2026-11-01T00:00:00Z", "end", /End must not be before start/],
    ["sort=subject&sort=-subject", "sort", /Sort is given more than once/],
  ])("applies the rules across keys: %s", (qs, key, message) => {
    const parsed = parseMessageUrl(new URLSearchParams(qs));
    expect(parsed.errors[key as "range"]).toMatch(message);
    expect(Object.keys(parsed.errors)).toEqual([key]);
  });
});
