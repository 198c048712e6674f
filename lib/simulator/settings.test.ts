import type { AllowPolicyListResponse } from "cloudflare/resources/email-security/settings/allow-policies";
import type { BlockSenderListResponse } from "cloudflare/resources/email-security/settings/block-senders";
import type { SubmissionListResponse } from "cloudflare/resources/email-security/submissions";
import { describe, expect, expectTypeOf, it } from "vitest";
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
    const subs = await call(sim, "/submissions?per_page=100&page=2");
    expect(subs.body.result_info).toMatchObject({ page: 2, per_page: 100, total_count: SEEDED_SUBMISSIONS });
    expect(SEEDED_SUBMISSIONS).toBeGreaterThanOrEqual(200);
  });

  it("uses Cloudflare's envelope for errors: 404 for an unknown entry, 405 for a wrong method, 400 for bad paging", async () => {
    expect((await call(sim, "/settings/block_senders/ffffffff", { method: "DELETE" })).status).toBe(404);
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
