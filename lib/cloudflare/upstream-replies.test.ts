import { configureNonDemoEnv } from "@/lib/testing/configured-env";
import { beforeEach, describe, expect, it, vi } from "vitest";

// The SDK client pointed at a tiny fake Cloudflare: hand-made replies the description allows,
// and the exact requests the console sends in answer.
const ACCOUNT = "0123456789abcdef0123456789abcdef";
const BASE = "https://api.cloudflare.test/client/v4";
const SEARCH = `/client/v4/accounts/${ACCOUNT}/email-security/investigate`;

type Reply = { status?: number; body: unknown; headers?: Record<string, string> };
const replies: Reply[] = [];
const requests: { method: string; url: URL; body: unknown }[] = [];

vi.stubGlobal("fetch", async (input: RequestInfo | URL, init?: RequestInit) => {
  const url = new URL(input instanceof Request ? input.url : String(input));
  requests.push({ method: init?.method ?? "GET", url, body: init?.body ? JSON.parse(String(init.body)) : undefined });
  const reply = replies.shift() ?? { status: 500, body: { success: false, errors: [{ code: 1, message: "no reply queued" }] } };
  return new Response(JSON.stringify(reply.body), {
    status: reply.status ?? 200,
    headers: { "content-type": "application/json", ...reply.headers },
  });
});
process.env.CLOUDFLARE_API_TOKEN = "fake-token-for-tests";
process.env.CLOUDFLARE_ACCOUNT_ID = ACCOUNT;
process.env.CLOUDFLARE_BASE_URL = BASE;
process.env.NEXTAUTH_SECRET = "x".repeat(40);
process.env.READ_CACHE_MS = "0";
configureNonDemoEnv({ email: "tester@example.test", role: "viewer", password: "not-a-real-password" });

const { listMessages, getActionLog, listBulkJobMessages, releaseMessages, createPreview } = await import("./index");

const ok = (result: unknown, result_info?: unknown): Reply => ({ body: { success: true, errors: [], messages: [], result, result_info } });
const cursorInfo = (next: string | null) => ({ count: 1, per_page: 1, total_count: 0, page: 0, next });

beforeEach(() => {
  replies.length = 0;
  requests.length = 0;
});

describe("a search Cloudflare is still running (202)", () => {
  it("polls the Location it named, through the SDK, until the results come", async () => {
    const search = { sender: "a@b.test", per_page: 1 };
    replies.push({ status: 202, body: { success: true, result: [], result_info: cursorInfo(null) }, headers: { location: `${SEARCH}/searches/s-1?token=ab%2F%2B%3D` } });
    const first = await listMessages(search);
    expect(first.pending).toBe(true);

    replies.push(ok([{ id: "m1" }], cursorInfo("c2")));
    const second = await listMessages(search);
    expect(second).toMatchObject({ pending: false, result: [{ id: "m1" }] });
    expect(requests[1]?.url.pathname).toBe(`${SEARCH}/searches/s-1`);
    expect(requests[1]?.url.searchParams.get("token")).toBe("ab/+=");
    expect(requests[1]?.url.searchParams.has("sender")).toBe(false);

    // Done: the next identical search starts afresh.
    replies.push(ok([{ id: "m1" }], cursorInfo(null)));
    await listMessages(search);
    expect(requests[2]?.url.pathname).toBe(SEARCH);
  });

  it("follows an absolute Location on the API's own origin", async () => {
    const search = { sender: "abs@b.test" };
    replies.push({ status: 202, body: { result: [] }, headers: { location: `${BASE}/accounts/${ACCOUNT}/email-security/investigate?poll=7` } });
    await listMessages(search);
    replies.push(ok([], cursorInfo(null)));
    await listMessages(search);
    expect(requests[1]?.url.href).toBe(`${BASE}/accounts/${ACCOUNT}/email-security/investigate?poll=7`);
  });

  it("refuses a Location on another origin with an error for the analyst, and sends nothing there", async () => {
    replies.push({ status: 202, body: { result: [] }, headers: { location: "https://evil.example/steal" } });
    await expect(listMessages({ sender: "evil@b.test" })).rejects.toMatchObject({ status: 502, message: expect.stringMatching(/will not follow.*another site/) });
    expect(requests).toHaveLength(1);
    replies.push(ok([], cursorInfo(null)));
    await listMessages({ sender: "evil@b.test" });
    expect(requests[1]?.url.hostname).toBe("api.cloudflare.test");
  });
});

describe("lists", () => {
  it("continues a page-numbered search with page=N+1", async () => {
    replies.push(ok([{ id: "m1" }, { id: "m2" }], { count: 2, per_page: 2, total_count: 5, page: 1 }));
    const first = await listMessages({ per_page: 2 });
    expect(first.result_info).toMatchObject({ next: null, next_page: 2 });
    replies.push(ok([{ id: "m3" }], { count: 1, per_page: 2, total_count: 5, page: 2 }));
    const second = await listMessages({ per_page: 2, page: 2 });
    expect(requests[1]?.url.searchParams.get("page")).toBe("2");
    expect(second.result_info.next_page).toBeNull();
  });

  it("skips unreadable rows and says how many", async () => {
    replies.push(ok([{ id: "m1" }, { nope: true }, { id: "m3", final_disposition: "BRAND_NEW" }], cursorInfo(null)));
    const page = await listMessages({ query: "skip" });
    expect(page.result.map((m) => m.id)).toEqual(["m1", "m3"]);
    expect(page.unreadable).toBe(1);
  });

  it("reads an action log with a pending entry", async () => {
    replies.push(ok([{ operation: "MOVE", completed_at: null, properties: null }, { completed_at: "2026-11-20T10:00:00Z" }]));
    const log = await getActionLog("a1.b2+c3:d");
    expect(log).toEqual({ result: [{ operation: "MOVE", completed_at: null, properties: null }], unreadable: 1 });
    expect(requests[0]?.url.pathname).toBe(`/client/v4/accounts/${ACCOUNT}/email-security/investigate/a1.b2%2Bc3%3Ad/action_log`);
  });

  it("reads bulk-job message rows without `message`", async () => {
    replies.push(ok([{ message_id: "r1", postfix_id: "p1", status: "COMPLETED" }], { count: 1, per_page: 1, page: 1 }));
    const page = await listBulkJobMessages("3f2b8c1e-9a4d-4e6b-8c2a-1d5e7f9a0b3c", { per_page: 1 });
    expect(page.result[0]?.message).toBeUndefined();
    expect(page.result_info.next_page).toBe(2);
  });
});

describe("where the SDK and the description disagree", () => {
  it("sends release as the SDK's {ids}, and a 4xx names the operation and Cloudflare's words", async () => {
    replies.push({ status: 400, body: { success: false, errors: [{ code: 10001, message: "body must be an array" }], result: null } });
    await expect(releaseMessages({ ids: ["m1"] })).rejects.toMatchObject({
      status: 400,
      message: "Release failed: Cloudflare said: body must be an array (Cloudflare code 10001)",
    });
    expect(requests[0]?.body).toEqual({ ids: ["m1"] });
  });

  it("sends preview creation as the SDK's {id}, and a 4xx names the operation", async () => {
    replies.push({ status: 422, body: { success: false, errors: [{ code: 10002, message: "postfix_id is required" }], result: null } });
    await expect(createPreview("m1")).rejects.toMatchObject({
      status: 422,
      message: expect.stringMatching(/^Preview generation failed: Cloudflare said: postfix_id is required/),
    });
    expect(requests[0]?.body).toEqual({ id: "m1" });
  });
});
