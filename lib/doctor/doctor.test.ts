// `npm run doctor` against the standalone simulator on loopback, through the SDK as in production:
// plain, in variance mode, and with the faults an operator meets on a real account.
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { createSimulator, type FaultRule } from "@/lib/simulator";
import { startSimulatorServer, type RunningServer } from "@/lib/simulator/http-server";
import { exitCode, formatReport, reportJson } from "./report";
import { MAX_READS, type DoctorReport } from "./run";
import { byId, doctorAgainst, FAKE_ACCOUNT_ID, FAKE_TOKEN } from "./test-helpers";

const sim = createSimulator({ seed: 3, messageCount: 400, token: FAKE_TOKEN });
let server: RunningServer;
let jobId: string;

beforeAll(async () => {
  server = await startSimulatorServer(sim, { port: 0 });
  // A bulk job to read (set-up only: the doctor itself never writes).
  const created = await sim.handle(`${server.baseUrl}/accounts/${FAKE_ACCOUNT_ID}/email-security/investigate/bulk`, {
    method: "POST",
    headers: { authorization: `Bearer ${FAKE_TOKEN}`, "content-type": "application/json" },
    body: JSON.stringify({ action: "MOVE", destination: "DeletedItems", search_params: { start: "2026-01-01T00:00:00Z" } }),
  });
  expect(created.status).toBe(201);
  jobId = ((await created.json()) as { result: { job_id: string } }).result.job_id;
});
afterAll(() => server.close());
afterEach(() => {
  sim.clearFaults();
  sim.setVariance(null);
  sim.clearCalls();
});

async function run(faults: FaultRule[] = [], options: Parameters<typeof doctorAgainst>[1] = {}): Promise<DoctorReport> {
  sim.clearCalls();
  sim.setFaults(faults);
  return doctorAgainst(server.baseUrl, options);
}

/** What reached the account, as the simulator logged it. */
function sent() {
  return sim.calls();
}

describe("npm run doctor against the simulator", () => {
  it("reads every list, one message and one job, with GETs only, within its read budget", async () => {
    const report = await run();
    const r = byId(report);
    expect(exitCode(report)).toBe(0);
    // The simulator has no token check; every Email Security read is answered and readable.
    expect(r.token).toMatchObject({ verdict: "skipped", status: 404 });
    for (const id of ["search", "message", "detections", "trace", "actionLog", "jobs", "job", "jobMessages", "blockedSenders", "allowPolicies", "submissions"]) {
      expect(r[id], id).toMatchObject({ status: 200, unreadable: 0 });
      expect(["ok", "degraded"], `${id}: ${r[id]!.note}`).toContain(r[id]!.verdict);
    }
    expect(report.ids).toEqual({ message: expect.any(String), job: jobId });
    // Deprecated fields the simulator still sends are reported, not read.
    expect(r.message!.unknown).toEqual(expect.arrayContaining(["ts", "action_log"]));
    // The simulator no longer sends the allow policies' deprecated aliases (is_sender …), only last_modified.
    expect(r.allowPolicies!.unknown).toEqual(expect.arrayContaining(["last_modified"]));
    expect(r.allowPolicies!.unknown).not.toContain("is_sender");

    const calls = sent();
    expect(calls.every((c) => c.method === "GET")).toBe(true);
    expect(calls).toHaveLength(report.reads);
    expect(report.reads).toBeLessThanOrEqual(MAX_READS);
    // Each read once, a page of at most 5: nothing repeated, nothing paged through.
    const lists = calls.filter((c) => c.query.per_page !== undefined);
    expect(lists.every((c) => c.query.per_page === "5")).toBe(true);
    expect(new Set(calls.map((c) => c.path)).size).toBe(calls.length);

    const text = formatReport(report);
    expect(text).toMatch(/^Operation\s+Request\s+HTTP\s+Time\s+Fields\s+Verdict$/m);
    expect(text).toMatch(/Search messages\s+GET \/investigate\s+200\s+\d+ ms/);
    expect(text).toContain(`${report.reads} reads of the account's budget`);
    for (const out of [text, reportJson(report)]) expect(out).not.toContain(FAKE_TOKEN);
    expect(JSON.parse(reportJson(report))).toMatchObject({ exitCode: 0, reads: report.reads, maxReads: MAX_READS });
  });

  it("reads the message it is given instead of the search's first", async () => {
    const id = sim.fixtures().hostileId;
    const report = await run([], { messageId: id });
    expect(report.ids.message).toBe(id);
    expect(sent().some((c) => c.path.endsWith(`/investigate/${id}/detections`))).toBe(true);
  });

  it("stays usable in variance mode: thin replies are degraded, never refused", async () => {
    for (const seed of [1, 2, 3]) {
      sim.setVariance({ seed });
      const report = await run();
      expect(report.results.filter((r) => r.verdict === "refused"), `seed ${seed}`).toEqual([]);
      expect(exitCode(report)).toBe(0);
    }
    sim.setVariance({ seed: 4, force: ["omitOptional"] });
    const thin = byId(await run());
    expect(thin.message).toMatchObject({ verdict: "degraded", missing: expect.arrayContaining([expect.any(String)]) });
    expect(thin.message!.note).toMatch(/the console shows "—" for \d+ fields?/);
  });

  it("a search still running (202) is answered; the message is then the one given", async () => {
    const pending = byId(await run([{ pendingSearch: true }]));
    expect(pending.search).toMatchObject({ verdict: "ok", status: 202, note: expect.stringContaining("still running") });
    expect(pending.detections).toMatchObject({ verdict: "skipped", note: "no message to read: the search is still running (try --message ID)" });
    const given = byId(await run([{ pendingSearch: true }], { messageId: sim.fixtures().deliveredId }));
    expect(given.detections).toMatchObject({ verdict: "ok", status: 200 });
  });

  it("names a list entry the console would leave out", async () => {
    const r = byId(await run([{ match: "/settings/block_senders", unreadableEntry: true }]));
    expect(r.blockedSenders).toMatchObject({ verdict: "degraded", unreadable: 1, note: expect.stringContaining("1 entry the console would leave out") });
  });

  it("refuses a reply the console cannot read", async () => {
    const report = await run([{ match: "/trace", malformed: true }]);
    expect(byId(report).trace).toMatchObject({ verdict: "refused", status: 200, note: expect.stringContaining("could not read") });
    expect(exitCode(report)).toBe(1);
  });
});

describe("npm run doctor: what a real account can answer", () => {
  it("401: says the token was refused and sends nothing more", async () => {
    const report = await run([{ match: "/email-security/", status: 401 }]);
    const r = byId(report);
    expect(exitCode(report)).toBe(1);
    expect(r.search).toMatchObject({ verdict: "refused", status: 401, note: expect.stringMatching(/Cloudflare refused the token: .*Check CLOUDFLARE_API_TOKEN/) });
    for (const id of ["message", "detections", "trace", "actionLog", "job", "jobMessages"]) {
      expect(r[id]).toMatchObject({ verdict: "skipped", status: null, note: "not sent: Cloudflare refused the token" });
    }
    // The two token checks and the five lists (sent together); none of the reads that depend on them.
    expect(report.reads).toBe(7);
    expect(formatReport(report)).toContain("refused: Cloudflare refused the token");
  });

  it("403 on the settings: names the permission the token lacks, the rest still answers", async () => {
    const report = await run([{ match: "/settings/", status: 403 }]);
    const r = byId(report);
    expect(exitCode(report)).toBe(1);
    for (const id of ["blockedSenders", "allowPolicies"]) {
      expect(r[id]).toMatchObject({ verdict: "refused", status: 403 });
      expect(r[id]!.note).toContain(`the token lacks "Cloud Email Security: Read" on account ${FAKE_ACCOUNT_ID}`);
      // Cloudflare's own words come through.
      expect(r[id]!.note).toMatch(/code \d+/);
    }
    expect(r.trace!.verdict).not.toBe("refused");
  });

  it("429 with Retry-After: says when to retry and spends nothing more", async () => {
    const report = await run([{ match: "/investigate", status: 429, retryAfter: 42 }]);
    const r = byId(report);
    expect(exitCode(report)).toBe(1);
    expect(r.search).toMatchObject({ verdict: "refused", status: 429, note: expect.stringContaining("rate-limiting this account; retry in 42 s") });
    expect(r.message).toMatchObject({ verdict: "skipped", note: "not sent: Cloudflare is rate-limiting this account; retry in 42 s" });
    // Only the five lists, sent together before the 429 came back; nothing after it.
    const reads = sent().filter((c) => c.path.includes("/email-security/")).map((c) => c.path.split("/email-security")[1]);
    expect(reads.sort()).toEqual(["/investigate", "/investigate/bulk", "/settings/allow_policies", "/settings/block_senders", "/submissions"]);
    expect(report.reads).toBe(7);
  });

  it("a read that never answers: refused after the read timeout, and the run stays bounded", async () => {
    const started = Date.now();
    const report = await run([{ match: "/trace", timeout: true }], { readTimeoutMs: 300 });
    expect(byId(report).trace).toMatchObject({ verdict: "refused", status: null, note: expect.stringMatching(/^no answer in time/) });
    expect(exitCode(report)).toBe(1);
    // One try only: a timeout is not retried (each try would spend a read).
    expect(sent().filter((c) => c.path.endsWith("/trace"))).toHaveLength(1);
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it("an account that answers nothing: the whole run ends at its deadline", async () => {
    const started = Date.now();
    const report = await run([{ match: "/email-security/", timeout: true }], { readTimeoutMs: 60_000, deadlineMs: 1_000 });
    expect(Date.now() - started).toBeLessThan(4_000);
    expect(report.results.filter((r) => r.status === 200)).toEqual([]);
    expect(byId(report).search!.verdict).toBe("refused");
    expect(exitCode(report)).toBe(1);
  });

  it("never sends more than its read budget", async () => {
    const report = await run([], { maxReads: 4 });
    expect(report.reads).toBe(4);
    expect(sent()).toHaveLength(4);
    expect(report.results.filter((r) => r.note.startsWith("not sent: the doctor spends at most 4 reads")).length).toBeGreaterThan(0);
  });
});
