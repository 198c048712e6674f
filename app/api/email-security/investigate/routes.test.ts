import { describe, expect, it } from "vitest";
import { quarantinedCleanId, useDemoSimulator } from "@/lib/testing/simulator";
import { callRoute, type CallOptions } from "@/lib/testing/routes";
import { GET as search } from "./route";
import { GET as getMessage } from "./[id]/route";
import { GET as getDetections } from "./[id]/detections/route";
import { GET as getTrace } from "./[id]/trace/route";
import { GET as getPreview } from "./[id]/preview/route";
import { GET as getRaw } from "./[id]/raw/route";
import { GET as getActionLog } from "./[id]/action_log/route";
import { POST as moveOne } from "./[id]/move/route";
import { POST as reclassify } from "./[id]/reclassify/route";
import { POST as moveMany } from "./move/route";
import { POST as release } from "./release/route";
import { POST as createPreview } from "./preview/route";
import { GET as listJobs, POST as createJob } from "./bulk/route";
import { DELETE as deleteJob, GET as getJob } from "./bulk/[jobId]/route";
import { POST as cancelJob } from "./bulk/[jobId]/cancel/route";
import { GET as listJobMessages } from "./bulk/[jobId]/messages/route";

const { sim, fx } = useDemoSimulator();
const API = "/api/email-security/investigate";
const UUID = "3f2b8c1e-9a4d-4e6b-8c2a-1d5e7f9a0b3c";

describe("happy paths through the SDK to the simulator", () => {
  it("searches with filters and cursor paging", async () => {
    const first = await callRoute(search, API, { query: "per_page=5&detections_only=false" });
    expect(first.status).toBe(200);
    expect(first.json.result).toHaveLength(5);
    expect(first.json.result_info).toMatchObject({ count: 5, per_page: 5 });
    const next = first.json.result_info.next as string;
    expect(next).toBeTruthy();
    const second = await callRoute(search, API, { query: `per_page=5&detections_only=false&cursor=${encodeURIComponent(next)}` });
    expect(second.status).toBe(200);
    const firstIds = new Set(first.json.result.map((m: { id: string }) => m.id));
    for (const m of second.json.result) expect(firstIds.has(m.id)).toBe(false);
  });

  it("passes filters on: a sender search returns only that sender", async () => {
    const res = await callRoute(search, API, { query: `sender=${encodeURIComponent(fx.campaignSender)}&start=${encodeURIComponent(new Date(Date.now() - 89 * 864e5).toISOString())}` });
    expect(res.status).toBe(200);
    expect(res.json.result.length).toBeGreaterThan(0);
    for (const m of res.json.result) expect(String(m.from).toLowerCase()).toContain(fx.campaignSender.toLowerCase());
  });

  it("reads one message and each of its views", async () => {
    const id = fx.deliveredId;
    const params = { id };
    const message = await callRoute(getMessage, `${API}/x`, { params });
    expect(message.status).toBe(200);
    expect(message.json.result.id).toBe(id);

    const detections = await callRoute(getDetections, `${API}/x/detections`, { params });
    expect(detections.status).toBe(200);
    expect(detections.json.result).toHaveProperty("sender_info");

    const trace = await callRoute(getTrace, `${API}/x/trace`, { params });
    expect(trace.status).toBe(200);
    expect(trace.json.result).toHaveProperty("inbound");

    const preview = await callRoute(getPreview, `${API}/x/preview`, { params });
    expect(preview.status).toBe(200);
    expect(Buffer.from(preview.json.result.screenshot, "base64").subarray(1, 4).toString()).toBe("PNG");

    const raw = await callRoute(getRaw, `${API}/x/raw`, { params });
    expect(raw.status).toBe(200);
    expect(raw.json.result.raw).toMatch(/^[\s\S]*Subject:/);

    const log = await callRoute(getActionLog, `${API}/x/action_log`, { params });
    expect(log.status).toBe(200);
    expect(Array.isArray(log.json.result)).toBe(true);
  });

  it("moves one message and the action log shows it, newest first", async () => {
    const params = { id: fx.deliveredId };
    const moved = await callRoute(moveOne, `${API}/x/move`, { params, body: { destination: "JunkEmail" } });
    expect(moved.status).toBe(200);
    expect(moved.json.result[0]).toMatchObject({ success: true });
    const log = await callRoute(getActionLog, `${API}/x/action_log`, { params });
    expect(log.json.result[0]).toMatchObject({ operation: "MOVE" });
    const after = await callRoute(getMessage, `${API}/x`, { params });
    expect(after.json.result.delivery_status).toContain("moved");
  });

  it("moves several messages with one outcome each", async () => {
    const res = await callRoute(moveMany, `${API}/move`, {
      body: { ids: [fx.deliveredId, fx.undeliverableId], destination: "JunkEmail" },
    });
    expect(res.status).toBe(200);
    expect(res.json.result.length).toBeGreaterThanOrEqual(2);
    expect(res.json.result.some((r: { success: boolean }) => !r.success)).toBe(true);
  });

  it("releases a quarantined message", async () => {
    // Quarantined SPAM: the MALICIOUS fixture would wait for a second admin (release-policy.test.ts).
    const id = await quarantinedCleanId();
    const res = await callRoute(release, `${API}/release`, { body: { ids: [id] } });
    expect(res.status).toBe(200);
    expect(res.json.result[0].id).toBe(id);
    const after = await callRoute(getMessage, `${API}/x`, { params: { id } });
    expect(after.json.result.is_quarantined).toBe(false);
  });

  it("reclassifies with 202 and creates a missing preview", async () => {
    const re = await callRoute(reclassify, `${API}/x/reclassify`, {
      params: { id: fx.hostileId },
      body: { expected_disposition: "SPAM" },
    });
    expect(re.status).toBe(202);
    const missing = await callRoute(getPreview, `${API}/x/preview`, { params: { id: fx.noPreviewId } });
    expect(missing.status).toBe(404);
    const created = await callRoute(createPreview, `${API}/preview`, { body: { id: fx.noPreviewId } });
    expect(created.status).toBe(200);
    expect(created.json.result.screenshot.length).toBeGreaterThan(100);
  });

  it("runs the bulk-job lifecycle: create, list, get, messages, cancel, delete", async () => {
    const created = await callRoute(createJob, `${API}/bulk`, {
      body: { action: "MOVE", destination: "JunkEmail", search_params: { sender: fx.campaignSender }, comment: "campaign" },
    });
    expect(created.status).toBe(201);
    const jobId = created.json.result.job_id as string;
    expect(created.json.result.status).toBe("PENDING");

    const list = await callRoute(listJobs, `${API}/bulk`, { query: "per_page=10" });
    expect(list.status).toBe(200);
    expect(list.json.result.map((j: { job_id: string }) => j.job_id)).toContain(jobId);

    const job = await callRoute(getJob, `${API}/bulk/x`, { params: { jobId } });
    expect(job.json.result.job_id).toBe(jobId);

    const messages = await callRoute(listJobMessages, `${API}/bulk/x/messages`, { params: { jobId } });
    expect(messages.status).toBe(200);

    const deleteRunning = await callRoute(deleteJob, `${API}/bulk/x`, { params: { jobId }, method: "DELETE" });
    expect(deleteRunning.status).toBeGreaterThanOrEqual(400);
    expect(deleteRunning.status).toBeLessThan(500);

    const cancelled = await callRoute(cancelJob, `${API}/bulk/x/cancel`, { params: { jobId }, method: "POST" });
    expect(cancelled.status).toBe(200);
    expect(cancelled.json.result.status).toBe("CANCELLED");

    const deleted = await callRoute(deleteJob, `${API}/bulk/x`, { params: { jobId }, method: "DELETE" });
    expect(deleted.status).toBe(200);
    expect(deleted.json.result.id).toBe(jobId);
  });
});

type Row = [name: string, handler: Parameters<typeof callRoute>[0], options: CallOptions, status: number, message: RegExp];
const id = (v: string) => ({ params: { id: v } });
const job = (v: string) => ({ params: { jobId: v } });
const okId = "4Njp3P0STMz2c02Q-2026-11-20T10:00:00-12345678";

const badInput: Row[] = [
  ["unknown search parameter", search, { query: "sendr=a" }, 400, /Unknown field "sendr"/],
  ["duplicate search parameter", search, { query: "sender=a&sender=b" }, 400, /more than once/],
  ["prototype key in query", search, { query: "__proto__=x" }, 400, /Unknown field/],
  ["unknown disposition", search, { query: "final_disposition=EVIL" }, 400, /final_disposition/],
  ["per_page too large", search, { query: "per_page=100000" }, 400, /per_page/],
  ["per_page not a number", search, { query: "per_page=1e3" }, 400, /whole number/],
  ["invalid start date", search, { query: "start=yesterday" }, 400, /ISO-8601/],
  ["reversed dates", search, { query: "start=2026-11-20T00:00:00Z&end=2026-11-10T00:00:00Z" }, 400, /before start/],
  ["start in the future", search, { query: "start=2999-01-01T00:00:00Z" }, 400, /future/],
  ["bad boolean", search, { query: "detections_only=yes" }, 400, /true or false/],
  ["overlong sender", search, { query: `sender=${"a".repeat(300)}` }, 400, /at most 256/],
  ["control characters", search, { query: "subject=a%00b" }, 400, /control characters/],
  ["cursor with dot segments", search, { query: "cursor=..%2F..%2Fetc" }, 400, /cursor/],
  ["cursor that is one dot segment", search, { query: "cursor=.." }, 400, /cursor/],
  ["cursor with a dot segment inside", search, { query: "cursor=abc%2F.%2Fdef" }, 400, /cursor/],
  ["cursor with a backslash", search, { query: "cursor=abc%5Cdef" }, 400, /cursor/],
  ["cursor with a control character", search, { query: "cursor=abc%0Adef" }, 400, /cursor/],
  ["cursor and page together", search, { query: "cursor=abc&page=2" }, 400, /not both/],
  ["page zero", search, { query: "page=0" }, 400, /at least 1/],
  ["exact_subject is not a search filter", search, { query: "exact_subject=Invoice" }, 400, /Unknown field "exact_subject"/],
  ["submission is not a search filter", search, { query: "submission=true" }, 400, /Unknown field "submission"/],
  ["id with a slash", getMessage, id("../../accounts"), 400, /Message id/],
  ["id with dots", getDetections, id(".."), 400, /Message id/],
  ["id with encoded slash", getTrace, id("abc%2Fdef"), 400, /Message id/],
  ["id with whitespace", getRaw, id("abc def"), 400, /Message id/],
  ["id with backslash", getPreview, id("abc\\def"), 400, /Message id/],
  ["overlong id", getActionLog, id("a".repeat(257)), 400, /Message id/],
  ["id that is a single dot", getMessage, id("."), 400, /Message id/],
  ["id with an encoded dot segment", getTrace, id("%2e%2e"), 400, /Message id/],
  ["id with a tab", getRaw, id("abc\tdef"), 400, /Message id/],
  ["id with a DEL character", getDetections, id("abc\u007f"), 400, /Message id/],
  ["id with a fragment", getPreview, id("abc#x"), 400, /Message id/],
  ["id with non-ASCII letters", getActionLog, id("abcé"), 400, /Message id/],
  ["id list with a dot segment", release, { body: { ids: [".."] } }, 400, /Message id/],
  ["query on a route without one", getMessage, { ...id(okId), query: "x=1" }, 400, /Unknown field/],
  ["move without destination", moveOne, { ...id(okId), body: {} }, 400, /destination/],
  ["move to an unknown folder", moveOne, { ...id(okId), body: { destination: "Spam" } }, 400, /destination/],
  ["move with an unknown key", moveOne, { ...id(okId), body: { destination: "Inbox", extra: 1 } }, 400, /Unknown field "extra"/],
  ["move with __proto__", moveOne, { ...id(okId), rawBody: '{"destination":"Inbox","__proto__":{"admin":true}}', headers: { "content-type": "application/json" } }, 400, /Unknown field/],
  ["non-JSON body", moveOne, { ...id(okId), rawBody: "destination=Inbox", headers: { "content-type": "application/json" } }, 400, /not valid JSON/],
  ["wrong content type", moveOne, { ...id(okId), rawBody: '{"destination":"Inbox"}', headers: { "content-type": "text/plain" } }, 415, /application\/json/],
  ["oversized body", moveMany, { rawBody: JSON.stringify({ ids: Array(9000).fill(okId), destination: "Inbox" }), headers: { "content-type": "application/json" } }, 413, /larger than/],
  ["empty id list", moveMany, { body: { ids: [], destination: "Inbox" } }, 400, /at least one/],
  ["repeated ids", release, { body: { ids: [okId, okId] } }, 400, /must not repeat/],
  ["ids of the wrong type", release, { body: { ids: "abc" } }, 400, /ids/],
  ["bare array release body", release, { body: [okId] }, 400, /body/],
  ["preview for a bad id", createPreview, { body: { id: "a/b" } }, 400, /Message id/],
  ["reclassify to an unknown verdict", reclassify, { ...id(okId), body: { expected_disposition: "EVIL" } }, 400, /expected_disposition/],
  ["bulk move without destination", createJob, { body: { action: "MOVE", search_params: {} } }, 400, /destination/],
  ["bulk release with destination", createJob, { body: { action: "RELEASE", destination: "Inbox", search_params: {} } }, 400, /no destination/],
  ["bulk job with reversed dates", createJob, { body: { action: "RELEASE", search_params: { start: "2026-11-20T00:00:00Z", end: "2026-11-01T00:00:00Z" } } }, 400, /before start/],
  ["bulk job with an unknown action", createJob, { body: { action: "DELETE", search_params: {} } }, 400, /action/],
  ["job list with a bad status", listJobs, { query: "status=DONE" }, 400, /status/],
  ["job list with page 0", listJobs, { query: "page=0" }, 400, /page/],
  ["job id that is not a UUID", getJob, job("not-a-uuid"), 400, /UUID/],
  ["job id with traversal", deleteJob, { ...job("../../x"), method: "DELETE" }, 400, /UUID/],
  ["cancel with a bad job id", cancelJob, { ...job("1"), method: "POST" }, 400, /UUID/],
  ["job messages with a bad status", listJobMessages, { ...job(UUID), query: "status=NOPE" }, 400, /status/],
  ["array-valued query key", search, { query: "sender[]=a" }, 400, /Unknown field/],
  ["constructor key in query", search, { query: "constructor=x" }, 400, /Unknown field/],
  ["empty sender", search, { query: "sender=" }, 400, /must not be empty/],
  ["negative per_page", search, { query: "per_page=-1" }, 400, /whole number/],
  ["per_page zero", search, { query: "per_page=0" }, 400, /at least 1/],
  ["date without a zone", search, { query: "start=2026-11-20T10:00" }, 400, /ISO-8601/],
  ["impossible date", search, { query: "end=2026-02-31T00:00:00Z" }, 400, /ISO-8601/],
  ["lowercase disposition", search, { query: "final_disposition=malicious" }, 400, /final_disposition/],
  ["unknown delivery status", search, { query: "delivery_status=lost" }, 400, /delivery_status/],
  ["unknown message action", search, { query: "message_action=DELETED" }, 400, /message_action/],
  ["HELO IP that is not an IP", search, { query: "smtp_helo_ip=999.1.1.1" }, 400, /IPv4 or IPv6/],
  ["overlong query", search, { query: `query=${"x".repeat(600)}` }, 400, /at most 512/],
  ["overlong cursor", search, { query: `cursor=${"a".repeat(3000)}` }, 400, /too long/],
  ["cursor with spaces", search, { query: "cursor=a%20b" }, 400, /cursor/],
  ["CRLF in subject", search, { query: "subject=a%0D%0ASet-Cookie:x" }, 400, /control characters/],
  ["id with a percent sign", getMessage, id("abc%41"), 400, /Message id/],
  ["id with a NUL byte", getMessage, id("abc\u0000"), 400, /Message id/],
  ["id with a query string", getTrace, id("abc?x=1"), 400, /Message id/],
  ["id starting with a dash", getRaw, id("-abc"), 400, /Message id/],
  ["empty id", getDetections, id(""), 400, /Message id/],
  ["submission flag not a boolean", getMessage, { ...id(okId), query: "submission=1" }, 400, /submission/],
  ["move body that is an array", moveOne, { ...id(okId), body: ["Inbox"] }, 400, /body/],
  ["move body that is null", moveOne, { ...id(okId), rawBody: "null", headers: { "content-type": "application/json" } }, 400, /body/],
  ["empty body", moveOne, { ...id(okId), rawBody: "", headers: { "content-type": "application/json" } }, 400, /empty/],
  ["destination of the wrong type", moveOne, { ...id(okId), body: { destination: 7 } }, 400, /destination/],
  ["expected disposition unknown", moveOne, { ...id(okId), body: { destination: "Inbox", expected_disposition: "EVIL" } }, 400, /expected_disposition/],
  ["form-encoded body", release, { rawBody: "ids=a", headers: { "content-type": "application/x-www-form-urlencoded" } }, 415, /application\/json/],
  ["no content type", release, { rawBody: '{"ids":["a"]}', headers: { "content-type": "" } }, 415, /application\/json/],
  ["too many ids", release, { body: { ids: Array.from({ length: 101 }, (_, i) => `id-${i}`) } }, 400, /At most 100/],
  ["id list with a traversal id", moveMany, { body: { ids: ["ok-1", "../x"], destination: "Inbox" } }, 400, /Message id/],
  ["deprecated postfix_ids key", moveMany, { body: { postfix_ids: [okId], destination: "Inbox" } }, 400, /Unknown field "postfix_ids"/],
  ["preview body with postfix_id", createPreview, { body: { postfix_id: okId } }, 400, /Unknown field/],
  ["reclassify eml that is not base64", reclassify, { ...id(okId), body: { expected_disposition: "SPAM", eml_content: "<html>" } }, 400, /base64/],
  ["bulk job without search params", createJob, { body: { action: "RELEASE" } }, 400, /search_params/],
  ["bulk job search with an unknown key", createJob, { body: { action: "RELEASE", search_params: { sendr: "a" } } }, 400, /Unknown field "sendr"/],
  ["bulk job comment too long", createJob, { body: { action: "RELEASE", comment: "x".repeat(501), search_params: {} } }, 400, /at most 500/],
  ["bulk job with a string boolean", createJob, { body: { action: "RELEASE", search_params: { detections_only: "true" } } }, 400, /detections_only/],
  ["job list per_page too large", listJobs, { query: "per_page=5000" }, 400, /at most 1000/],
  ["job list unknown action type", listJobs, { query: "action_type=DELETE" }, 400, /action_type/],
  ["job id in upper-case garbage", getJob, job("ZZZZZZZZ-ZZZZ-ZZZZ-ZZZZ-ZZZZZZZZZZZZ"), 400, /UUID/],
];

describe("bad input is refused before anything goes upstream", () => {
  it("covers at least 60 hostile or malformed requests", () => {
    expect(badInput.length).toBeGreaterThanOrEqual(60);
  });

  it.each(badInput)("%s", async (_name, handler, options, status, message) => {
    const res = await callRoute(handler, API, options);
    expect(res.status).toBe(status);
    expect(res.json.error).toMatchObject({ status, message: expect.stringMatching(message) });
    expect(sim.calls()).toHaveLength(0);
  });
});

describe("ids and cursors Cloudflare may issue pass the console's checks", () => {
  it.each([
    ["dots and plus signs", "4Njp3P0STMz2c02Q.a+b"],
    ["colons", "4Njp3P0STMz2c02Q-2026-11-20T10:00:00-12345678"],
    ["equals and at signs", "abc=def@ghi~jkl_mno"],
    ["256 characters", "a".repeat(256)],
  ])("an id with %s reaches Cloudflare (which answers 404 for an id it does not know)", async (_name, odd) => {
    const res = await callRoute(getMessage, API, id(odd));
    expect(res.status).toBe(404);
    expect(sim.calls()).toHaveLength(1);
    // The SDK encodes the id as one path segment: nothing in it can change the path.
    expect(sim.calls()[0]?.path).toMatch(/\/email-security\/investigate\/[^/]+$/);
  });

  it.each([
    ["standard base64 with / + =", "ab/cd+ef=="],
    ["url-safe base64", "ab_cd-ef"],
    ["dots and tildes", "a.b~c"],
  ])("a cursor with %s is passed to Cloudflare unchanged", async (_name, cursor) => {
    const res = await callRoute(search, API, { query: `per_page=2&cursor=${encodeURIComponent(cursor)}` });
    // The simulator did not issue these, so it may refuse them; what matters is who refused.
    if (res.status === 400) expect(res.json.error.code).toBe("upstream_rejected");
    const sent = sim.calls().find((c) => c.method === "GET");
    expect(sent).toBeDefined();
    expect(sent!.query.cursor).toBe(cursor);
  });
});

describe("upstream errors are mapped for people", () => {
  it("keeps a 404 with Cloudflare's message", async () => {
    const res = await callRoute(getMessage, API, id(okId));
    expect(res.status).toBe(404);
    expect(res.json.error.code).toBe("not_found");
  });

  it("turns a 5xx into 502 after one retry for reads", async () => {
    sim.setFaults([{ match: "/detections", status: 500 }]);
    const res = await callRoute(getDetections, API, id(fx.deliveredId));
    expect(res.status).toBe(502);
    expect(res.json.error.code).toBe("upstream_error");
    expect(sim.calls().filter((c) => c.path.endsWith("/detections"))).toHaveLength(2);
  });

  it("never sends a mutation twice, even when Cloudflare fails", async () => {
    sim.setFaults([{ match: "/move", method: "POST", status: 503 }]);
    const res = await callRoute(moveOne, API, { ...id(fx.deliveredId), body: { destination: "Inbox" } });
    expect(res.status).toBe(502);
    expect(sim.calls().filter((c) => c.method === "POST")).toHaveLength(1);
  });

  it("passes a 429 on at once, with Retry-After", async () => {
    sim.setFaults([{ status: 429, retryAfter: 42 }]);
    const started = Date.now();
    const res = await callRoute(search, API, { query: "per_page=5" });
    expect(res.status).toBe(429);
    expect(res.headers.get("retry-after")).toBe("42");
    expect(res.json.error).toMatchObject({ code: "rate_limited", retry_after: 42 });
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(sim.calls()).toHaveLength(1);
  });

  it("reports malformed JSON as an unreadable reply", async () => {
    sim.setFaults([{ malformed: true }]);
    const res = await callRoute(getTrace, API, id(fx.deliveredId));
    expect(res.status).toBe(502);
    expect(res.json.error.code).toBe("upstream_bad_response");
  });

  it("passes a still-running search on as 202", async () => {
    sim.setFaults([{ pendingSearch: true, times: 1 }]);
    const pending = await callRoute(search, API, { query: "per_page=5" });
    expect(pending.status).toBe(202);
    expect(pending.json).toMatchObject({ result: [], pending: true });
    expect(pending.headers.get("retry-after")).toBeTruthy();
    const done = await callRoute(search, API, { query: "per_page=5" });
    expect(done.status).toBe(200);
  });

  it("never shows the token in a response", async () => {
    const token = process.env.SIMULATOR_TOKEN ?? "demo-mode-token";
    sim.setFaults([{ status: 500 }]);
    const res = await callRoute(search, API, {});
    expect(res.text).not.toContain(token);
  });
});
