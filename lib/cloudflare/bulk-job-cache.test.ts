import { configureNonDemoEnv } from "@/lib/testing/configured-env";
import { beforeEach, describe, expect, it, vi } from "vitest";

// The job page once said "This job has no messages" beside counters of 14 succeeded and 3 failed:
// the message list read while the job was still discovering was served again from the read
// cache after the job had finished. These tests hold the cache open for a minute and check that
// only answers that can no longer change are served from it.
const ACCOUNT = "0123456789abcdef0123456789abcdef";
const replies: unknown[] = [];
let upstreamCalls = 0;

vi.stubGlobal("fetch", async () => {
  upstreamCalls++;
  const result = replies.shift() ?? [];
  return new Response(JSON.stringify({ success: true, errors: [], messages: [], result, result_info: { count: 0, per_page: 20, page: 1 } }), {
    status: 200,
    headers: { "content-type": "application/json" },
  });
});
process.env.CLOUDFLARE_API_TOKEN = "fake-token-for-tests";
process.env.CLOUDFLARE_ACCOUNT_ID = ACCOUNT;
process.env.CLOUDFLARE_BASE_URL = "https://api.cloudflare.test/client/v4";
process.env.NEXTAUTH_SECRET = "x".repeat(40);
process.env.READ_CACHE_MS = "60000";
configureNonDemoEnv({ email: "tester@example.test", role: "viewer", password: "not-a-real-password" });

const { getBulkJob, listBulkJobMessages } = await import("./index");

// Each test reads its own job, so no test sees another's cached answers.
let sequence = 0;
let JOB = "";
const row = (status: string) => ({ message_id: `r-${status}`, postfix_id: `p-${status}`, status });
const job = (status: string) => ({ job_id: JOB, status, action_type: "MOVE", total_messages_discovered: 17, messages_successful: 14, messages_failed: 3 });

beforeEach(() => {
  replies.length = 0;
  upstreamCalls = 0;
  sequence += 1;
  JOB = `3f2b8c1e-9a4d-4e6b-8c2a-1d5e7f9a0b${String(sequence).padStart(2, "0")}`;
});

describe("a bulk job's reads and the read cache", () => {
  it("asks again for a message list that was empty while the job discovered, and shows the rows that came since", async () => {
    replies.push([], [row("COMPLETED"), row("FAILED")]);
    expect((await listBulkJobMessages(JOB, {})).result).toEqual([]);
    const after = await listBulkJobMessages(JOB, {});
    expect(after.result.map((r) => r.status)).toEqual(["COMPLETED", "FAILED"]);
    expect(upstreamCalls).toBe(2);
  });

  it("asks again while any row is still pending", async () => {
    replies.push([row("COMPLETED"), row("PENDING")], [row("COMPLETED"), row("SKIPPED")]);
    await listBulkJobMessages(JOB, {});
    expect((await listBulkJobMessages(JOB, {})).result.map((r) => r.status)).toEqual(["COMPLETED", "SKIPPED"]);
    expect(upstreamCalls).toBe(2);
  });

  it("serves a list whose rows all have their outcome from the cache", async () => {
    replies.push([row("COMPLETED"), row("FAILED")]);
    await listBulkJobMessages(JOB, {});
    await listBulkJobMessages(JOB, {});
    expect(upstreamCalls).toBe(1);
  });

  it("asks again for a job that is still running, and caches it once it has finished", async () => {
    replies.push(job("PROCESSING"), job("COMPLETED"));
    expect((await getBulkJob(JOB)).status).toBe("PROCESSING");
    expect((await getBulkJob(JOB)).status).toBe("COMPLETED");
    expect((await getBulkJob(JOB)).status).toBe("COMPLETED");
    expect(upstreamCalls).toBe(2);
  });
});
