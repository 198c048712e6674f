import { beforeEach, describe, expect, it } from "vitest";
import { createHarness, idPath, type Harness } from "./test-helpers";

let h: Harness;
beforeEach(() => {
  h = createHarness({ messageCount: 1500 });
});

type Job = Record<string, any>;

function countersAddUp(job: Job): void {
  const sum = job.messages_pending + job.messages_successful + job.messages_failed + job.messages_skipped + job.messages_cancelled;
  expect(sum).toBe(job.total_messages_discovered);
}

async function createJob(body: unknown): Promise<Job> {
  const res = await h.call("POST", "/bulk", { body });
  expect(res.status).toBe(201);
  return res.body.result;
}

async function getJob(id: string): Promise<Job> {
  const res = await h.call("GET", `/bulk/${id}`);
  expect(res.status).toBe(200);
  countersAddUp(res.body.result);
  return res.body.result;
}

const CAMPAIGN_MOVE = (sender: string) => ({ action: "MOVE", destination: "DeletedItems", search_params: { sender, start: "2026-10-01T00:00:00Z" } });

describe("bulk jobs", () => {
  it("progresses PENDING → DISCOVERING → PROCESSING → COMPLETED and applies the moves", async () => {
    const { campaignSender } = h.sim.fixtures();
    const created = await createJob(CAMPAIGN_MOVE(campaignSender));
    expect(created).toMatchObject({ status: "PENDING", action_type: "MOVE", action_params: { type: "MOVE", destination: "DeletedItems" }, total_messages_discovered: 0, started_at: null, completed_at: null });
    expect(created.job_id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);

    h.advance(600);
    const discovering = await getJob(created.job_id);
    expect(discovering.status).toBe("DISCOVERING");
    expect(discovering.started_at).not.toBeNull();
    expect(discovering.total_messages_discovered).toBeGreaterThan(50);
    expect(discovering.messages_pending).toBe(discovering.total_messages_discovered);

    h.advance(1000 + 40 * 10);
    const processing = await getJob(created.job_id);
    expect(processing.status).toBe("PROCESSING");
    const done = processing.messages_successful + processing.messages_failed + processing.messages_skipped;
    expect(done).toBe(12); // 0.5 s into processing at 25 messages a second

    h.advance(60_000);
    const completed = await getJob(created.job_id);
    expect(completed.status).toBe("COMPLETED");
    expect(completed.completed_at).not.toBeNull();
    expect(completed.messages_pending).toBe(0);
    expect(completed.messages_successful).toBeGreaterThan(0);

    const rows = await h.call("GET", `/bulk/${created.job_id}/messages?per_page=1000`);
    expect(rows.body.result).toHaveLength(completed.total_messages_discovered);
    const ok = rows.body.result.find((r: Job) => r.status === "COMPLETED");
    expect(ok.action_params).toMatchObject({ type: "MOVE", destination: "DeletedItems", client_recipient: expect.stringMatching(/@acme\.example$/) });
    expect(ok.processed_at).not.toBeNull();
    const msg = (await h.call("GET", idPath(ok.message.id))).body.result;
    expect(msg.delivery_status).toEqual(["moved"]);
    // Quarantined campaign messages are not in a mailbox, so they are skipped with a reason.
    const skipped = rows.body.result.filter((r: Job) => r.status === "SKIPPED");
    expect(skipped.length).toBe(completed.messages_skipped);
    for (const s of skipped) expect(s.status_message).toBeTruthy();
  });

  it("fails a deterministic ~3% of rows with a reason and retry count", async () => {
    const created = await createJob({ action: "MOVE", destination: "JunkEmail", search_params: { detections_only: false, start: "2026-09-01T00:00:00Z" } });
    h.advance(2000 + 40 * 2000);
    const job = await getJob(created.job_id);
    expect(job.status).toBe("COMPLETED");
    const rate = job.messages_failed / job.total_messages_discovered;
    expect(rate).toBeGreaterThan(0.01);
    expect(rate).toBeLessThan(0.06);
    const failed = await h.call("GET", `/bulk/${created.job_id}/messages?status=FAILED&per_page=5`);
    expect(failed.body.result[0]).toMatchObject({ status: "FAILED", retry_count: 3, status_message: expect.any(String) });
  });

  it("release jobs release quarantined messages and skip the rest", async () => {
    const created = await createJob({ action: "RELEASE", search_params: { final_disposition: "MALICIOUS", start: "2026-11-20T00:00:00Z" } });
    h.advance(60_000);
    const job = await getJob(created.job_id);
    expect(job.status).toBe("COMPLETED");
    expect(job.action_params).toEqual({ type: "RELEASE" });
    const rows = (await h.call("GET", `/bulk/${created.job_id}/messages?per_page=1000`)).body.result as Job[];
    for (const row of rows) {
      if (row.status === "COMPLETED") expect(row.message.is_quarantined).toBe(false);
      if (row.status === "SKIPPED") expect(row.status_message).toBe("Message is not quarantined");
    }
    expect(rows.some((r) => r.status === "COMPLETED")).toBe(true);
  });

  it("cancels a running job: remaining rows become CANCELLED", async () => {
    const created = await createJob({ action: "MOVE", destination: "JunkEmail", search_params: { detections_only: false } });
    h.advance(1500 + 40 * 20);
    const res = await h.call("POST", `/bulk/${created.job_id}/cancel`);
    expect(res.status).toBe(200);
    const job = res.body.result;
    expect(job.status).toBe("CANCELLED");
    countersAddUp(job);
    expect(job.messages_cancelled).toBeGreaterThan(0);
    expect(job.messages_pending).toBe(0);
    h.advance(60_000);
    expect((await getJob(created.job_id)).status).toBe("CANCELLED");
    const cancelledRows = await h.call("GET", `/bulk/${created.job_id}/messages?status=CANCELLED&per_page=2`);
    expect(cancelledRows.body.result[0].status).toBe("CANCELLED");
    // a finished job cannot be cancelled again
    expect((await h.call("POST", `/bulk/${created.job_id}/cancel`)).status).toBe(409);
  });

  it("only deletes finished jobs", async () => {
    const created = await createJob({ action: "RELEASE", search_params: {} });
    const early = await h.call("DELETE", `/bulk/${created.job_id}`);
    expect(early.status).toBe(409);
    expect(early.body.errors[0].message).toMatch(/terminal/);
    h.advance(120_000);
    const res = await h.call("DELETE", `/bulk/${created.job_id}`);
    expect(res.status).toBe(200);
    expect(res.body.result).toEqual({ id: created.job_id });
    expect((await h.call("GET", `/bulk/${created.job_id}`)).status).toBe(404);
  });

  it("lists jobs newest first with filters and page-number paging", async () => {
    const a = await createJob({ action: "RELEASE", search_params: {} });
    h.advance(120_000);
    const b = await createJob(CAMPAIGN_MOVE(h.sim.fixtures().campaignSender));
    h.advance(600);
    const c = await createJob({ action: "RELEASE", search_params: { final_disposition: "SPAM" } });
    const all = await h.call("GET", "/bulk");
    expect(all.body.result.map((j: Job) => j.job_id)).toEqual([c.job_id, b.job_id, a.job_id]);
    expect(all.body.result_info).toMatchObject({ count: 3, total_count: 0, next: null, previous: null });
    const moves = await h.call("GET", "/bulk?action_type=MOVE");
    expect(moves.body.result.map((j: Job) => j.job_id)).toEqual([b.job_id]);
    const pending = await h.call("GET", "/bulk?status=PENDING");
    expect(pending.body.result.map((j: Job) => j.job_id)).toEqual([c.job_id]);
    const completed = await h.call("GET", "/bulk?status=COMPLETED");
    expect(completed.body.result.map((j: Job) => j.job_id)).toEqual([a.job_id]);
    const page1 = await h.call("GET", "/bulk?per_page=2");
    expect(page1.body.result_info.next).toBe("2");
    const page2 = await h.call("GET", "/bulk?per_page=2&page=2");
    expect(page2.body.result.map((j: Job) => j.job_id)).toEqual([a.job_id]);
    expect(page2.body.result_info.previous).toBe("1");
  });

  it.each([
    [{ search_params: {} }, "/action"],
    [{ action: "DELETE", search_params: {} }, "/action"],
    [{ action: "MOVE", search_params: {} }, "/destination"],
    [{ action: "RELEASE" }, "/search_params"],
    [{ action: "RELEASE", search_params: { final_disposition: "EVIL" } }, "/search_params/final_disposition"],
    [{ action: "RELEASE", search_params: { detections_only: "yes" } }, "/search_params/detections_only"],
    [{ action: "RELEASE", search_params: { start: "2099-01-01T00:00:00Z" } }, "/search_params/start"],
  ])("rejects %j", async (body, pointer) => {
    const res = await h.call("POST", "/bulk", { body });
    expect(res.status).toBe(400);
    expect(res.body.errors[0].source.pointer).toBe(pointer);
  });

  it("404s unknown jobs and 400s malformed job ids", async () => {
    expect((await h.call("GET", "/bulk/00000000-0000-4000-8000-000000000000")).status).toBe(404);
    expect((await h.call("GET", "/bulk/00000000-0000-4000-8000-000000000000/messages")).status).toBe(404);
    expect((await h.call("POST", "/bulk/00000000-0000-4000-8000-000000000000/cancel")).status).toBe(404);
    expect((await h.call("GET", "/bulk/not-a-uuid")).status).toBe(400);
    expect((await h.call("GET", "/bulk?status=DONE")).status).toBe(400);
  });

  it("discovery uses search semantics, including detections_only defaulting to true", async () => {
    const job = await createJob({ action: "RELEASE", search_params: { start: "2026-11-24T00:00:00Z" } });
    h.advance(600);
    const discovered = (await getJob(job.job_id)).total_messages_discovered;
    const search = await h.call("GET", "?start=2026-11-24T00:00:00Z&per_page=1000");
    expect(discovered).toBe(search.body.result.length);
  });
});
