import { describe, expect, it } from "vitest";
import { LIST_PARAM, MESSAGE_TABS, messageHref, readMessagePageUrl, tabForKey } from "./tabs";

/** `?tab=` alone, through the page's URL reader. */
function parseMessageTab(value: string | readonly string[] | null | undefined) {
  const params = new URLSearchParams();
  for (const v of value === null || value === undefined ? [] : typeof value === "string" ? [value] : value) params.append("tab", v);
  const { tab, invalid } = readMessagePageUrl(params);
  return { tab, invalid };
}

describe("readMessagePageUrl: the tab", () => {
  it.each([
    [undefined, "overview", null],
    ["", "overview", null],
    ["trace", "trace", null],
    ["TRACE", "trace", null],
    ["action-log", "action-log", null],
    ["raw", "raw", null],
    ["nope", "overview", "nope"],
    ["<script>", "overview", "<script>"],
    [["trace", "raw"], "trace", "trace"],
  ] as const)("%j → %s", (value, tab, invalid) => {
    expect(parseMessageTab(value)).toEqual({ tab, invalid });
  });
});

describe("messageHref", () => {
  it.each(["a1.b2+c3", "4Njp3P0STMz2c02Q-2026-11-20T10:00:00-12345678", "x=y@z~w_v-u"])(
    "encodes %s as one path segment that decodes back to it",
    (odd) => {
      const href = messageHref(odd, "trace");
      const url = new URL(href, "http://console.test");
      const segments = url.pathname.split("/");
      expect(segments).toHaveLength(3);
      expect(decodeURIComponent(segments[2]!)).toBe(odd);
      expect(url.searchParams.get("tab")).toBe("trace");
    },
  );

  it("encodes ids with colons and omits the default tab", () => {
    expect(messageHref("a:b/c")).toBe("/messages/a%3Ab%2Fc");
    expect(messageHref("a:b", "trace")).toBe("/messages/a%3Ab?tab=trace");
  });
  it("round-trips every tab through the page's URL reader", () => {
    for (const { id } of MESSAGE_TABS) {
      const tab = new URL(messageHref("x", id), "http://h").searchParams.get("tab");
      expect(parseMessageTab(tab).tab).toBe(id);
    }
  });
  it("carries the list it was opened from, whole, so a new tab can offer previous/next", () => {
    const list = "sender=a%40b.test&range=7d&cursor=c2";
    const url = new URL(messageHref("x", "trace", list), "http://h");
    expect(url.searchParams.get("tab")).toBe("trace");
    expect(url.searchParams.get(LIST_PARAM)).toBe(list);
    expect(messageHref("x", undefined, "")).toBe("/messages/x");
  });
});

describe("tabForKey", () => {
  it.each([
    ["1", "overview"],
    ["3", "trace"],
    ["6", "action-log"],
    ["7", null],
    ["0", null],
    ["m", null],
  ])("%s → %s", (key, tab) => {
    expect(tabForKey(key)).toBe(tab);
  });
});

describe("readMessagePageUrl: the list", () => {
  it("hands on the search the message was opened from, and nothing when there is none", () => {
    const list = "sender=a%40b.test&range=7d";
    expect(readMessagePageUrl(new URLSearchParams(`tab=trace&list=${encodeURIComponent(list)}`))).toEqual({ tab: "trace", invalid: null, list });
    expect(readMessagePageUrl(new URLSearchParams("")).list).toBeNull();
  });
});
