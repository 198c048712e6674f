import { describe, expect, it } from "vitest";
import {
  DEFAULT_PAGE_SIZE,
  describeFilters,
  followingPage,
  DEFAULT_RANGE,
  freezeState,
  nextPage,
  pageNumber,
  parseMessageUrl,
  previousPage,
  resolveRange,
  serializeMessageUrl,
  toApiSearchParams,
  withFilters,
} from "./search-url";

const NOW = Date.parse("2026-11-24T09:30:45.123Z");

describe("parseMessageUrl", () => {
  it("reads every filter, paging and sort", () => {
    const parsed = parseMessageUrl(
      new URLSearchParams(
        "sender=a%40evil.example&final_disposition=MALICIOUS&detections_only=true&range=7d&sort=-received&per_page=25&prev=c2,c3&cursor=c4",
      ),
    );
    expect(parsed.errors).toEqual({});
    expect(parsed.state).toEqual({
      filters: { sender: "a@evil.example", final_disposition: "MALICIOUS", detections_only: true },
      range: "7d",
      sort: { id: "received", desc: true },
      perPage: 25,
      cursor: "c4",
      trail: ["c2", "c3"],
    });
  });

  it("accepts Next's searchParams record", () => {
    const parsed = parseMessageUrl({ subject: "Invoice", per_page: undefined });
    expect(parsed.state.filters).toEqual({ subject: "Invoice" });
    expect(parsed.state.perPage).toBe(DEFAULT_PAGE_SIZE);
  });

  it.each([
    ["final_disposition=EVIL", "final_disposition", /Invalid option/i],
    ["start=yesterday", "start", /ISO-8601/],
    ["start=2026-11-20T00:00:00Z&end=2026-11-10T00:00:00Z", "end", /End must not be before start/],
    ["range=1y", "range", /Range must be one of/],
    ["range=7d&start=2026-11-20T00:00:00Z", "range", /not both/],
    ["per_page=500", "per_page", /at most 200/],
    ["per_page=5000", "per_page", /at most 200/],
    ["per_page=ten", "per_page", /whole number/],
    ["cursor=a%2F..%2Fb", "cursor", /cursor/],
    ["cursor=a%20b", "cursor", /cursor/],
    ["page=0", "page", /at least 1/],
    ["page=3&cursor=c3", "page", /not both/],
    ["prev=c1", "prev", /without a current page/],
    ["detections_only=yes", "detections_only", /true or false/],
    ["sender=a&sender=b", "sender", /more than once/],
    ["smtp_helo_ip=999.1.1.1", "smtp_helo_ip", /IPv4 or IPv6/],
    ["sort=1bad", "sort", /column name/],
  ])("reports %s as an error on %s without throwing", (query, key, message) => {
    const parsed = parseMessageUrl(new URLSearchParams(query));
    expect(parsed.errors[key as keyof typeof parsed.errors]).toMatch(message);
  });

  it("keeps the valid filters when one is bad", () => {
    const parsed = parseMessageUrl(new URLSearchParams("sender=a%40b.c&final_disposition=EVIL&subject=hi"));
    expect(parsed.state.filters).toEqual({ sender: "a@b.c", subject: "hi" });
    expect(parsed.raw.final_disposition).toBe("EVIL");
  });

  it("ignores empty values and reports unknown keys", () => {
    const parsed = parseMessageUrl(new URLSearchParams("sender=&utm_source=x&subject=ok"));
    expect(parsed.state.filters).toEqual({ subject: "ok" });
    expect(parsed.errors).toEqual({});
    expect(parsed.unknownKeys).toEqual(["utm_source"]);
  });
});

describe("the search page offers exactly the search operation's filters", () => {
  it("accepts cursors Cloudflare issues: standard base64 with /, + and =", () => {
    const cursor = "eyJwIjoxfQ/+ab==";
    const parsed = parseMessageUrl(new URLSearchParams({ cursor, prev: "c1/x+y=" }));
    expect(parsed.errors).toEqual({});
    expect(parsed.state).toMatchObject({ cursor, trail: ["c1/x+y="] });
    expect(parseMessageUrl(new URLSearchParams(serializeMessageUrl(parsed.state))).state).toMatchObject({ cursor });
  });

  it("ignores the bulk-only filters in a search link and says which", () => {
    const parsed = parseMessageUrl(new URLSearchParams("sender=a%40b.c&exact_subject=Invoice&submission=true"));
    expect(parsed.state.filters).toEqual({ sender: "a@b.c" });
    expect(parsed.bulkOnlyKeys).toEqual(["exact_subject", "submission"]);
    expect(parsed.errors).toEqual({});
  });

  it("never sends a bulk-only filter to the search API", () => {
    const params = toApiSearchParams({ filters: { sender: "a@b.c", exact_subject: "x", submission: true }, perPage: 50 }, NOW);
    expect([...params.keys()]).toEqual(["sender", "per_page"]);
  });

  it("keeps them on the bulk form", () => {
    const parsed = parseMessageUrl(new URLSearchParams("exact_subject=Invoice&submission=true"), "bulk");
    expect(parsed.state.filters).toEqual({ exact_subject: "Invoice", submission: true });
    expect(serializeMessageUrl(parsed.state, "bulk")).toBe("exact_subject=Invoice&submission=true");
  });
});

describe("page-numbered paging", () => {
  it("goes to page N+1 and back, and sends page= to the API", () => {
    const first = parseMessageUrl(new URLSearchParams("sender=a%40b.c")).state;
    const second = nextPage(first, followingPage({ next: null, nextPage: 2 })!);
    expect(second).toMatchObject({ page: 2, cursor: undefined, trail: [] });
    expect(pageNumber(second)).toBe(2);
    // A bare search is the last 7 days, said in the URL once it is written.
    expect(serializeMessageUrl(second)).toBe("sender=a%40b.c&range=7d&page=2");
    expect(parseMessageUrl(new URLSearchParams(serializeMessageUrl(second))).state.page).toBe(2);
    expect(toApiSearchParams(second, NOW).get("page")).toBe("2");
    const third = nextPage(second, { page: 3 });
    expect(previousPage(third).page).toBe(2);
    expect(previousPage(second).page).toBeUndefined();
  });

  it("prefers a cursor when the reply has one, and has nothing to follow on the last page", () => {
    expect(followingPage({ next: "c2", nextPage: 2 })).toEqual({ cursor: "c2" });
    expect(followingPage({ next: null, nextPage: null })).toBeNull();
  });
});

describe("serializeMessageUrl", () => {
  it("round-trips through the parser", () => {
    const query = "query=invoice&sender=a%40b.c&final_disposition=SPAM&range=24h&sort=subject&per_page=100&prev=c2&cursor=c3";
    const parsed = parseMessageUrl(new URLSearchParams(query));
    expect(serializeMessageUrl(parsed.state)).toBe(query);
  });

  it("omits defaults and empty filters", () => {
    expect(serializeMessageUrl({ filters: { sender: "" as unknown as string }, trail: [], perPage: DEFAULT_PAGE_SIZE })).toBe("");
  });
});

describe("ranges", () => {
  it("reads a link that names no window as the last 7 days, on the search page only", () => {
    expect(parseMessageUrl(new URLSearchParams("")).state.range).toBe(DEFAULT_RANGE);
    expect(DEFAULT_RANGE).toBe("7d");
    expect(parseMessageUrl(new URLSearchParams("sender=a%40b.c")).state.range).toBe("7d");
    expect(parseMessageUrl(new URLSearchParams("range=24h")).state.range).toBe("24h");
    // An explicit window, or a bad one the analyst must see, is never replaced by the default.
    expect(parseMessageUrl(new URLSearchParams("start=2026-11-01T00:00:00Z")).state.range).toBeUndefined();
    expect(parseMessageUrl(new URLSearchParams("start=yesterday")).state.range).toBeUndefined();
    // The bulk form's window is what its search_params say; it gets no default.
    expect(parseMessageUrl(new URLSearchParams(""), "bulk").state.range).toBeUndefined();
  });

  it("freezes the default window in a copied link", () => {
    const frozen = freezeState(parseMessageUrl(new URLSearchParams("")).state, NOW);
    expect(frozen.range).toBeUndefined();
    expect(Date.parse(frozen.filters.end ?? "") - Date.parse(frozen.filters.start ?? "")).toBe(7 * 24 * 3_600_000);
  });

  it("resolves presets to the minute", () => {
    expect(resolveRange("24h", NOW)).toEqual({ start: "2026-11-23T09:30:00.000Z", end: "2026-11-24T09:30:00.000Z" });
  });

  it("sends absolute times and exactly the API's keys", () => {
    const params = toApiSearchParams({ filters: { sender: "a@b.c" }, range: "7d", cursor: "c2", perPage: 25 }, NOW);
    expect([...params.keys()].sort()).toEqual(["cursor", "end", "per_page", "sender", "start"]);
    expect(params.get("start")).toBe("2026-11-17T09:30:00.000Z");
  });

  it("freezes a relative range for a shared link and restarts paging", () => {
    const frozen = freezeState(
      { filters: { domain: "evil.example" }, range: "30d", cursor: "c3", trail: ["c2"], perPage: 25 },
      NOW,
    );
    expect(serializeMessageUrl(frozen)).toBe(
      "domain=evil.example&start=2026-10-25T09%3A30%3A00.000Z&end=2026-11-24T09%3A30%3A00.000Z&per_page=25",
    );
  });

  it("leaves an absolute view untouched, cursor included", () => {
    const state = { filters: { start: "2026-11-01T00:00:00Z" }, cursor: "c2", trail: [], perPage: 50 };
    expect(freezeState(state, NOW)).toBe(state);
  });
});

describe("paging", () => {
  it("walks forward and back through the cursor trail", () => {
    const first = withFilters(parseMessageUrl(new URLSearchParams("cursor=zz")).state, { sender: "a@b.c" });
    expect(pageNumber(first)).toBe(1);
    const second = nextPage(first, { cursor: "c2" });
    const third = nextPage(second, { cursor: "c3" });
    expect(third).toMatchObject({ cursor: "c3", trail: ["c2"] });
    expect(pageNumber(third)).toBe(3);
    expect(previousPage(third)).toMatchObject({ cursor: "c2", trail: [] });
    expect(previousPage(previousPage(third))).toMatchObject({ cursor: undefined, trail: [] });
  });
});

describe("nextPage with a relative range", () => {
  it("pins the window the current page was fetched with", () => {
    const first = parseMessageUrl(new URLSearchParams("range=7d&sender=a%40b.c")).state;
    const window = resolveRange("7d", NOW);
    const second = nextPage(first, { cursor: "c2" }, window);
    expect(second.range).toBeUndefined();
    expect(second.filters).toEqual({ sender: "a@b.c", ...window });
    expect(serializeMessageUrl(second)).toContain("cursor=c2");
  });
});

describe("describeFilters", () => {
  it("names the active filters with their labels", () => {
    expect(describeFilters({ filters: { sender: "a@b.c", detections_only: true }, range: "24h" })).toEqual([
      { key: "sender", label: "Sender", value: "a@b.c" },
      { key: "detections_only", label: "Detections only", value: "true" },
      { key: "range", label: "Date range", value: "Last 24 hours" },
    ]);
  });
});
