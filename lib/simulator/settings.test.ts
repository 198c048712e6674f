import type { AllowPolicyListResponse } from "cloudflare/resources/email-security/settings/allow-policies";
import type { BlockSenderListResponse } from "cloudflare/resources/email-security/settings/block-senders";
import type { SubmissionListResponse } from "cloudflare/resources/email-security/submissions";
import { describe, expect, expectTypeOf, it } from "vitest";
import { contractProblems } from "./contract-validator";
import { createSimulator } from "./index";
import { serializeAllow, serializeBlock } from "./policies";
import { SEEDED_SUBMISSIONS, serializeSubmission } from "./submissions";

const ACCOUNT = "0123456789abcdef0123456789abcdef";
const BASE = `http://sim.test/client/v4/accounts/${ACCOUNT}/email-security`;
const auth = { authorization: "Bearer fake-test-token" };

async function call(sim: ReturnType<typeof createSimulator>, path: string, init: RequestInit = {}) {
  const res = await sim.handle(`${BASE}${path}`, { ...init, headers: { ...auth, "content-type": "application/json", ...init.headers } });
  return { status: res.status, body: (await res.json()) as { success: boolean; result: any; result_info?: any } };
}

describe("simulator replies are typed against the SDK", () => {
  it("serializers return the SDK's response types (this test fails to compile if they drift)", () => {
    expectTypeOf(serializeBlock).returns.toExtend<BlockSenderListResponse>();
    expectTypeOf(serializeAllow).returns.toExtend<AllowPolicyListResponse>();
    expectTypeOf(serializeSubmission).returns.toExtend<SubmissionListResponse>();
    expectTypeOf(serializeSubmission).returns.toHaveProperty("submission_id").toEqualTypeOf<string>();
  });
});

describe("settings and submissions endpoints", () => {
  const sim = createSimulator({ messageCount: 800 });

  it("seeds blocks, allow policies and a few hundred submissions of both types", async () => {
    const blocks = await call(sim, "/settings/block_senders?per_page=100");
    expect(blocks.status).toBe(200);
    expect(blocks.body.result.length).toBeGreaterThan(10);
    expect(blocks.body.result_info).toMatchObject({ page: 1, per_page: 100, count: blocks.body.result.length });
    const allows = await call(sim, "/settings/allow_policies?is_trusted_sender=true");
    expect(allows.body.result.length).toBeGreaterThan(0);
    for (const p of allows.body.result) expect(p.is_trusted_sender).toBe(true);
    const subs = await call(sim, `/submissions?per_page=100&page=2&start=${new Date(Date.now() - 200 * 864e5).toISOString()}`);
    expect(subs.body.result_info).toMatchObject({ page: 2, per_page: 100, total_count: SEEDED_SUBMISSIONS });
    expect(SEEDED_SUBMISSIONS).toBeGreaterThanOrEqual(200);
  });

  it("uses Cloudflare's envelope for errors: 404 for an unknown entry, 405 for a wrong method, 400 for bad paging", async () => {
    expect((await call(sim, "/settings/block_senders/ffffffff-ffff-4fff-8fff-ffffffffffff", { method: "DELETE" })).status).toBe(404);
    expect((await call(sim, "/submissions", { method: "POST", body: "{}" })).status).toBe(405);
    const bad = await call(sim, "/submissions?per_page=0");
    expect(bad.status).toBe(400);
    expect(bad.body.success).toBe(false);
    expect((await call(sim, "/settings/unknown")).status).toBe(404);
  });

  it("refuses a block without is_regex, as the API requires it", async () => {
    const res = await call(sim, "/settings/block_senders", { method: "POST", body: JSON.stringify({ pattern: "a@b.example", pattern_type: "EMAIL" }) });
    expect(res.status).toBe(400);
  });

  it("reset brings the seeded state back", async () => {
    await call(sim, "/settings/block_senders", { method: "POST", body: JSON.stringify({ pattern: "reset@b.example", pattern_type: "EMAIL", is_regex: false }) });
    expect((await call(sim, "/settings/block_senders?search=reset%40b")).body.result).toHaveLength(1);
    sim.reset();
    expect((await call(sim, "/settings/block_senders?search=reset%40b")).body.result).toHaveLength(0);
  });
});

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const allowBody = { pattern: "news@partner-a.example", pattern_type: "EMAIL", is_regex: false, is_trusted_sender: false, is_acceptable_sender: true, is_exempt_recipient: false, verify_sender: true };

describe("blocked senders and allow policies as the description has them", () => {
  const sim = createSimulator({ messageCount: 200 });
  const post = (list: string, body: unknown) => call(sim, `/settings/${list}`, { method: "POST", body: JSON.stringify(body) });
  const patch = (list: string, id: string, body: unknown) => call(sim, `/settings/${list}/${id}`, { method: "PATCH", body: JSON.stringify(body) });

  it("answers a create with 201 and a UUID, and stores every flag exactly as sent", async () => {
    const created = await post("allow_policies", allowBody);
    expect(created.status).toBe(201);
    expect(created.body.result.id).toMatch(UUID);
    expect(created.body.result).toMatchObject({ is_trusted_sender: false, is_acceptable_sender: true, is_exempt_recipient: false, verify_sender: true });
    // Nothing is derived from the kind: no deprecated alias appears that the client did not send.
    for (const alias of ["is_sender", "is_spoof", "is_recipient"]) expect(created.body.result).not.toHaveProperty(alias);
    const got = await call(sim, `/settings/allow_policies/${created.body.result.id}`);
    expect(got.body.result).toEqual(created.body.result);
  });

  it.each([
    ["is_sender", { ...allowBody, pattern: "a@alias-1.example", is_sender: true }, /is_sender.*end of life.*is_trusted_sender/],
    ["is_spoof", { ...allowBody, pattern: "a@alias-2.example", is_spoof: false }, /is_spoof.*is_acceptable_sender/],
    ["is_recipient", { ...allowBody, pattern: "a@alias-3.example", is_recipient: false }, /is_recipient.*is_exempt_recipient/],
    ["a missing required flag", { ...allowBody, pattern: "a@alias-4.example", is_trusted_sender: undefined }, /is_trusted_sender must be a boolean/],
    ["a read-only field", { ...allowBody, pattern: "a@alias-5.example", id: "f174e90a-fafe-4643-bbbc-4a0ed4fc8415" }, /id is read-only/],
    ["an unknown field", { ...allowBody, pattern: "a@alias-6.example", kind: "is_acceptable_sender" }, /Unknown field kind/],
    ["pattern_type UNKNOWN", { ...allowBody, pattern_type: "UNKNOWN" }, /UNKNOWN is deprecated/],
    ["a pattern that is not its type", { ...allowBody, pattern: "partner-a.example" }, /valid email address/],
    ["a pattern over 1024 characters", { ...allowBody, pattern: `${"a".repeat(1020)}@b.example` }, /1 to 1024/],
  ])("refuses an allow-policy create with %s, in Cloudflare's envelope", async (_case, body, message) => {
    const res = await post("allow_policies", body);
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ success: false, result: null });
    expect((res.body as unknown as { errors: { message: string }[] }).errors[0]!.message).toMatch(message);
  });

  it.each([
    ["10.1.2.3", "private"],
    ["172.16.0.0/12", "private"],
    ["192.168.1.0/24", "private"],
    ["127.0.0.1", "loopback"],
    ["169.254.10.10", "link-local"],
    ["0.0.0.0", "unspecified"],
    ["255.255.255.255", "broadcast"],
    ["::1", "loopback"],
    ["fe80::1", "link-local"],
    ["fd12:3456::1", "unique-local"],
    ["::ffff:10.0.0.1", "IPv4-mapped"],
    ["::ffff:7f00:1", "IPv4-mapped"],
    ["8.0.0.0/6", "private"],
  ])("refuses the IP pattern %s (%s)", async (pattern, kind) => {
    const res = await post("block_senders", { pattern, pattern_type: "IP", is_regex: false });
    expect(res.status).toBe(400);
    expect((res.body as unknown as { errors: { message: string }[] }).errors[0]!.message).toContain(kind);
  });

  it.each(["1.1.1.1", "203.0.113.0/24", "2606:4700:4700::1111", "2606:4700:4700::/48", "::ffff:1.1.1.1"])("accepts the globally reachable IP pattern %s", async (pattern) => {
    expect((await post("block_senders", { pattern, pattern_type: "IP", is_regex: false })).status).toBe(201);
  });

  it("applies every PATCH field given, keeps the rest, and refuses what it cannot apply", async () => {
    const { body } = await post("allow_policies", { ...allowBody, pattern: "patch@partner-b.example", comments: "first" });
    const id = body.result.id as string;
    const moved = await patch("allow_policies", id, { pattern: "partner-b.example", pattern_type: "DOMAIN", is_acceptable_sender: false, is_trusted_sender: true, verify_sender: false });
    expect(moved.status).toBe(200);
    expect(moved.body.result).toMatchObject({ pattern: "partner-b.example", pattern_type: "DOMAIN", is_trusted_sender: true, is_acceptable_sender: false, verify_sender: false, comments: "first" });
    for (const [bad, message] of [
      [{ is_spoof: true }, /is_spoof/],
      [{ pattern_type: "UNKNOWN" }, /UNKNOWN/],
      [{ pattern: "not a domain!" }, /valid domain/],
      [{ created_at: "2026-01-01T00:00:00Z" }, /read-only/],
      [{ colour: "red" }, /Unknown field colour/],
      [{ is_regex: "yes" }, /is_regex must be a boolean/],
    ] as const) {
      const res = await patch("allow_policies", id, bad);
      expect(res.status, JSON.stringify(bad)).toBe(400);
      expect((res.body as unknown as { errors: { message: string }[] }).errors[0]!.message).toMatch(message);
    }
    expect((await call(sim, `/settings/allow_policies/${id}`)).body.result).toEqual(moved.body.result);
    const block = await post("block_senders", { pattern: "patch@evil-b.example", pattern_type: "EMAIL", is_regex: false });
    expect((await patch("block_senders", block.body.result.id, { is_trusted_sender: true })).status).toBe(400);
    expect((await patch("block_senders", block.body.result.id, { pattern: "evil-b.example", pattern_type: "DOMAIN" })).body.result).toMatchObject({ pattern: "evil-b.example", pattern_type: "DOMAIN" });
  });

  it("refuses an id that is not a UUID with 400, and an unknown one with 404", async () => {
    expect((await call(sim, "/settings/block_senders/12345", { method: "DELETE" })).status).toBe(400);
    expect((await call(sim, "/settings/allow_policies/f174e90a-fafe-4643-bbbc-4a0ed4fc8415")).status).toBe(404);
  });

  it("finds an entry by its exact pattern, and says total_count is the whole list's size, not the search's", async () => {
    const all = await call(sim, "/settings/block_senders?per_page=1000");
    const searched = await call(sim, "/settings/block_senders?search=invalid&per_page=2");
    expect(searched.body.result_info.total_count).toBe(all.body.result.length);
    const exact = await call(sim, `/settings/block_senders?pattern=${encodeURIComponent("legacy-sender@old.invalid")}`);
    expect(exact.body.result.map((e: { pattern: string }) => e.pattern)).toEqual(["legacy-sender@old.invalid"]);
    expect((await call(sim, "/settings/block_senders?pattern=old.invalid")).body.result).toEqual([]);
    expect((await call(sim, "/settings/allow_policies?is_trusted_sender=yes")).status).toBe(400);
  });

  it("answers an old allow entry with the deprecated names only, as old entries may", async () => {
    const res = await call(sim, "/settings/allow_policies?pattern=relay.legacy-partner.example");
    expect(res.body.result[0]).toMatchObject({ is_spoof: true, is_sender: false });
    expect(res.body.result[0]).not.toHaveProperty("is_acceptable_sender");
    expect((await call(sim, "/settings/allow_policies?is_acceptable_sender=true&pattern=relay.legacy-partner.example")).body.result).toHaveLength(1);
  });
});

describe("submissions as the description has them", () => {
  const now = Date.now();
  const sim = createSimulator({ messageCount: 800, now: () => now });
  const days = (n: number) => new Date(now - n * 864e5).toISOString();

  it("defaults start to 30 days ago and end to now", async () => {
    const res = await call(sim, "/submissions?per_page=1000");
    expect(res.body.result.length).toBeGreaterThan(0);
    for (const s of res.body.result) expect(Date.parse(s.requested_at)).toBeGreaterThanOrEqual(now - 30 * 864e5 - 1000);
    const wide = await call(sim, `/submissions?per_page=1000&start=${days(90)}`);
    expect(wide.body.result.some((s: { requested_at: string }) => Date.parse(s.requested_at) < now - 30 * 864e5)).toBe(true);
  });

  it("filters status by the review status rows carry as customer_status, which is not their processing status", async () => {
    const res = await call(sim, `/submissions?per_page=1000&start=${days(90)}&status=reviewed`);
    expect(res.body.result.length).toBeGreaterThan(0);
    for (const s of res.body.result) {
      expect(s.customer_status).toBe("reviewed");
      expect(s.status).not.toBe("reviewed");
    }
  });

  it("takes TEAM/USER in the filter and says Team/User in rows; refuses the row spelling and a bad date", async () => {
    const res = await call(sim, `/submissions?per_page=50&start=${days(90)}&type=USER`);
    for (const s of res.body.result) expect(s.type).toBe("User");
    expect((await call(sim, "/submissions?type=User")).status).toBe(400);
    expect((await call(sim, "/submissions?start=yesterday")).status).toBe(400);
    expect((await call(sim, "/submissions?escalated_from_user=maybe")).status).toBe(400);
  });
});

describe("variance mode covers settings and submissions", () => {
  const sim = createSimulator({ messageCount: 400 });
  const problems = async (path: string, init: RequestInit = {}) => {
    const res = await sim.handle(`${BASE}${path}`, { ...init, headers: { ...auth, "content-type": "application/json" } });
    const body = await res.json();
    const url = new URL(`${BASE}${path}`);
    return { status: res.status, body, problems: contractProblems(init.method ?? "GET", url.pathname.replace("/client/v4", ""), res.status, body, { softEnums: true }) };
  };

  it("answers blocked senders without id when noEntryId is forced: rows, creates and edits", async () => {
    sim.setVariance({ seed: 3, force: ["noEntryId"] });
    const list = await problems("/settings/block_senders?per_page=5");
    expect(list.problems).toEqual([]);
    for (const row of list.body.result) expect(row).not.toHaveProperty("id");
    const created = await problems("/settings/block_senders", { method: "POST", body: JSON.stringify({ pattern: "noid@evil-v.example", pattern_type: "EMAIL", is_regex: false }) });
    expect(created.status).toBe(201);
    expect(created.body.result).not.toHaveProperty("id");
    expect(created.body.result.pattern).toBe("noid@evil-v.example");
    sim.setVariance(null);
  });

  it("leaves result_info out, wholly or in part, when partialResultInfo is forced", async () => {
    // Over a few seeds (one seed's picks shift whenever the data set grows), both kinds appear.
    const shapes = new Set<string>();
    for (const seed of [5, 6, 7, 8]) {
      sim.setVariance({ seed, force: ["partialResultInfo"] });
      for (const path of ["/settings/block_senders", "/settings/allow_policies", "/submissions"]) {
        for (const page of [1, 2, 3, 4]) {
          const res = await problems(`${path}?per_page=2&page=${page}`);
          expect(res.problems).toEqual([]);
          shapes.add(res.body.result_info ? Object.keys(res.body.result_info).sort().join(",") : "none");
        }
      }
    }
    expect(shapes.has("none")).toBe(true);
    expect([...shapes].some((s) => s !== "none" && s !== "count,page,per_page,total_count")).toBe(true);
    sim.setVariance(null);
  });

  it("varies every settings and submissions reply within the description under a seed", async () => {
    for (const seed of [1, 2, 3, 4, 5, 6]) {
      sim.setVariance({ seed });
      for (const path of ["/settings/block_senders?per_page=50", "/settings/allow_policies?per_page=50", "/submissions?per_page=100", "/phishguard/reports"]) {
        const res = await problems(path);
        expect(res.status).toBe(200);
        expect(res.problems, `seed ${seed} ${path}`).toEqual([]);
      }
    }
    sim.setVariance({ seed: 11, force: ["omitOptional", "nullNullable", "unknownEnums"] });
    const subs = await problems("/submissions?per_page=20");
    expect(subs.problems).toEqual([]);
    for (const s of subs.body.result) expect(Object.keys(s).sort()).toEqual(["requested_at", "submission_id"]);
    const allows = await problems("/settings/allow_policies?per_page=20");
    // AllowPolicy's always-present fields (x-response-required) stay.
    for (const p of allows.body.result) expect(Object.keys(p).sort()).toEqual(["created_at", "id", "last_modified"]);
    // PhishGuard reports keep only their required fields (and not the deprecated `ts`).
    const reports = await problems("/phishguard/reports");
    expect(reports.problems).toEqual([]);
    expect(reports.body.result.length).toBeGreaterThan(0);
    for (const r of reports.body.result) expect(Object.keys(r).sort()).toEqual(["content", "disposition", "fields", "id", "priority", "title"]);
    sim.setVariance(null);
  });
});

describe("every settings and submissions reply the simulator gives is one the description allows", () => {
  const sim = createSimulator({ messageCount: 200 });
  const checked = async (method: string, path: string, body?: unknown) => {
    const res = await sim.handle(`${BASE}${path}`, { method, headers: { ...auth, "content-type": "application/json" }, body: body === undefined ? undefined : JSON.stringify(body) });
    const json = await res.json();
    expect(contractProblems(method, new URL(`${BASE}${path}`).pathname.replace("/client/v4", ""), res.status, json), `${method} ${path}`).toEqual([]);
    return { status: res.status, json: json as { result: Record<string, unknown> } };
  };

  it("lists, creates, gets, edits, deletes and refuses in the described shapes", async () => {
    for (const list of ["block_senders", "allow_policies"]) {
      await checked("GET", `/settings/${list}?per_page=1000`);
      const body = list === "block_senders" ? { pattern: "shape@evil-shape.example", pattern_type: "EMAIL", is_regex: false } : { ...allowBody, pattern: "shape@partner-shape.example" };
      const created = await checked("POST", `/settings/${list}`, body);
      expect(created.status).toBe(201);
      const id = String(created.json.result.id);
      expect((await checked("GET", `/settings/${list}/${id}`)).status).toBe(200);
      expect((await checked("PATCH", `/settings/${list}/${id}`, { comments: "shape" })).status).toBe(200);
      expect((await checked("PATCH", `/settings/${list}/${id}`, { bogus: 1 })).status).toBe(400);
      expect((await checked("DELETE", `/settings/${list}/${id}`)).status).toBe(200);
      expect((await checked("DELETE", `/settings/${list}/${id}`)).status).toBe(404);
    }
    await checked("GET", "/submissions?per_page=1000");
    expect((await checked("GET", "/submissions?type=team")).status).toBe(400);
  });
});
