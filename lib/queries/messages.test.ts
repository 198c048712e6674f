import { afterEach, describe, expect, it, vi } from "vitest";
import { ApiError } from "./http";
import { collectFollowingPages, listMessages, messageKeys, moveMessages, type MessageListSearch } from "./messages";

type Reply = { status: number; body: unknown; headers?: Record<string, string> };

function stubFetch(replies: Reply[]) {
  const calls: { url: string; init?: RequestInit }[] = [];
  vi.stubGlobal(
    "fetch",
    vi.fn(async (url: string, init?: RequestInit) => {
      calls.push({ url, init });
      const reply = replies.shift();
      if (!reply) throw new Error(`unexpected fetch ${url}`);
      return new Response(JSON.stringify(reply.body), { status: reply.status, headers: reply.headers });
    }),
  );
  return calls;
}

const search: MessageListSearch = { filters: { sender: "a@b.example" }, range: "24h", cursor: undefined, perPage: 25 };
const message = (id: string) => ({ id, subject: id });

afterEach(() => vi.unstubAllGlobals());

describe("listMessages", () => {
  it("sends exactly the API's keys and reads a page", async () => {
    const calls = stubFetch([{ status: 200, body: { result: [message("m1")], result_info: { count: 1, per_page: 25, next: "c2" } } }]);
    const page = await listMessages(search);
    const url = new URL(calls[0]?.url ?? "", "http://x");
    expect(url.pathname).toBe("/api/email-security/investigate");
    expect([...url.searchParams.keys()].sort()).toEqual(["end", "per_page", "sender", "start"]);
    expect(page).toMatchObject({ messages: [{ id: "m1" }], next: "c2", pending: false });
    expect(page.window).toEqual({ start: url.searchParams.get("start"), end: url.searchParams.get("end") });
  });

  it("treats 202 as a search still running, polled after Retry-After", async () => {
    stubFetch([{ status: 202, body: { result: [], result_info: { count: 0 }, pending: true }, headers: { "retry-after": "3" } }]);
    const page = await listMessages(search);
    expect(page).toMatchObject({ pending: true, messages: [], retryAfterMs: 3000 });
  });

  it("turns the error envelope into an ApiError with its field messages", async () => {
    stubFetch([
      { status: 400, body: { error: { status: 400, code: "invalid_request", message: "Bad sender", fields: { sender: "Sender is wrong" } } } },
    ]);
    const error = await listMessages(search).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 400, code: "invalid_request", message: "Bad sender", fields: { sender: "Sender is wrong" } });
  });

  it("carries a 429's Retry-After", async () => {
    stubFetch([{ status: 429, body: { error: { status: 429, code: "rate_limited", message: "Slow down" } }, headers: { "retry-after": "7" } }]);
    await expect(listMessages(search)).rejects.toMatchObject({ status: 429, retryAfter: 7 });
  });
});

describe("collectFollowingPages", () => {
  it("follows cursors with the first page's window, up to the cap", async () => {
    const calls = stubFetch([
      { status: 202, body: { result: [], pending: true }, headers: { "retry-after": "0" } },
      { status: 200, body: { result: [message("m3"), message("m4")], result_info: { next: "c3" } } },
    ]);
    const window = { start: "2026-11-23T09:00:00.000Z", end: "2026-11-24T09:00:00.000Z" };
    const { messages, truncated } = await collectFollowingPages(
      search,
      { messages: [message("m1"), message("m2")] as never, next: "c2", previous: null, nextPage: null, unreadable: 0, pending: false, retryAfterMs: 0, window },
      3,
    );
    expect(messages.map((m) => m.id)).toEqual(["m1", "m2", "m3"]);
    expect(truncated).toBe(true);
    const followed = new URL(calls[1]?.url ?? "", "http://x").searchParams;
    expect(followed.get("cursor")).toBe("c2");
    expect(followed.get("start")).toBe(window.start);
    expect(followed.get("end")).toBe(window.end);
  });

  it("continues a page-numbered list with page=N+1 until a page is short, counting unreadable rows", async () => {
    const calls = stubFetch([
      { status: 200, body: { result: [message("m3"), message("m4")], result_info: { next: null, next_page: 3 }, unreadable: 1 } },
      { status: 200, body: { result: [message("m5")], result_info: { next: null, next_page: null } } },
    ]);
    const { messages, truncated, unreadable } = await collectFollowingPages(
      { ...search, range: undefined },
      { messages: [message("m1"), message("m2")] as never, next: null, previous: null, nextPage: 2, unreadable: 0, pending: false, retryAfterMs: 0, window: null },
      100,
    );
    expect(messages.map((m) => m.id)).toEqual(["m1", "m2", "m3", "m4", "m5"]);
    expect(truncated).toBe(false);
    expect(unreadable).toBe(1);
    const asked = calls.map((c) => new URL(c.url, "http://x").searchParams);
    expect(asked.map((p) => p.get("page"))).toEqual(["2", "3"]);
    expect(asked.every((p) => !p.has("cursor"))).toBe(true);
  });
});

describe("listMessages paging and unreadable rows", () => {
  it("reads next_page and the unreadable count", async () => {
    stubFetch([{ status: 200, body: { result: [message("m1")], result_info: { next: null, next_page: 2 }, unreadable: 2 } }]);
    expect(await listMessages(search)).toMatchObject({ next: null, nextPage: 2, unreadable: 2 });
  });
});

describe("moveMessages", () => {
  it("posts ids and destination and reports per message", async () => {
    const calls = stubFetch([
      {
        status: 200,
        body: { result: [{ success: true, message_id: "m1", destination: "Inbox" }, { success: false, message_id: "m2", status: "quarantined" }] },
      },
    ]);
    const outcomes = await moveMessages({ ids: ["m1", "m2"], destination: "Inbox" });
    expect(JSON.parse(String(calls[0]?.init?.body))).toEqual({ ids: ["m1", "m2"], destination: "Inbox" });
    expect(outcomes.map((o) => o.ok)).toEqual([true, false]);
  });
});

describe("messageKeys", () => {
  it("nests lists under all, so one invalidation refreshes every list", () => {
    expect(messageKeys.list(search).slice(0, 2)).toEqual([...messageKeys.lists()]);
    expect(messageKeys.detail("m1")).toEqual(["messages", "detail", "m1"]);
  });
});
