import { afterEach, describe, expect, it } from "vitest";
import { useDemoSimulator } from "@/lib/testing/simulator";
import { callRoute } from "@/lib/testing/routes";
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
import { VARIANCE_QUIRKS, type VarianceQuirk } from "@/lib/simulator/variance-config";

// This file sends every operation many times over; the per-user budgets would pace it, which is
// not what it tests.
process.env.USER_WRITE_BUDGET = "100000";
process.env.USER_READ_BUDGET = "100000";

/**
 * All 18 operations against the simulator's variance mode: replies that
 * Cloudflare's description allows but the plain simulator never sends. Every route must still
 * answer with what it could read, never "Cloudflare sent a reply the console could not read".
 */
type Quirk = VarianceQuirk;
interface VarianceSimulator {
  setVariance(cfg: { seed: number; force?: Quirk[] } | null): void;
  fixtures(): { oddIdMessage?: string };
}

const { sim, fx } = useDemoSimulator();
const variance = sim as unknown as VarianceSimulator;
const API = "/api/email-security/investigate";
const SEED = Number(process.env.SIMULATOR_VARIANCE_SEED ?? 7);

afterEach(() => variance.setVariance(null));

/** Every operation once, in an order that lets the bulk ones act on a job created here. */
async function everyOperation() {
  const id = (v: string) => ({ params: { id: v } });
  const out: Record<string, { status: number; json: Record<string, any> }> = {};
  out.search = await callRoute(search, API, { query: "per_page=5&detections_only=false" });
  const seen = (out.search.json.result?.[0]?.id as string | undefined) ?? fx.deliveredId;
  out.message = await callRoute(getMessage, API, id(seen));
  out.detections = await callRoute(getDetections, API, id(seen));
  out.trace = await callRoute(getTrace, API, id(seen));
  out.preview = await callRoute(getPreview, API, id(fx.deliveredId));
  out.raw = await callRoute(getRaw, API, id(seen));
  out.actionLog = await callRoute(getActionLog, API, id(fx.deliveredId));
  out.moveOne = await callRoute(moveOne, API, { ...id(fx.deliveredId), body: { destination: "JunkEmail" } });
  out.reclassify = await callRoute(reclassify, API, { ...id(fx.hostileId), body: { expected_disposition: "SPAM" } });
  out.moveMany = await callRoute(moveMany, API, { body: { ids: [fx.deliveredId, fx.undeliverableId], destination: "Inbox" } });
  out.release = await callRoute(release, API, { body: { ids: [fx.quarantinedId] } });
  out.createPreview = await callRoute(createPreview, API, { body: { id: fx.noPreviewId } });
  out.createJob = await callRoute(createJob, API, {
    body: { action: "MOVE", destination: "JunkEmail", search_params: { sender: fx.campaignSender } },
  });
  const jobId = (out.createJob.json.result?.job_id as string | undefined) ?? "3f2b8c1e-9a4d-4e6b-8c2a-1d5e7f9a0b3c";
  out.listJobs = await callRoute(listJobs, API, { query: "per_page=10" });
  out.getJob = await callRoute(getJob, API, { params: { jobId } });
  out.jobMessages = await callRoute(listJobMessages, API, { params: { jobId } });
  out.cancelJob = await callRoute(cancelJob, API, { params: { jobId }, method: "POST" });
  out.deleteJob = await callRoute(deleteJob, API, { params: { jobId }, method: "DELETE" });
  return out;
}

const QUIRKS: readonly Quirk[] = VARIANCE_QUIRKS;

describe("variance mode: every operation reads every reply the description allows", () => {
  it.each([["no forced quirk (seeded mix)", [] as Quirk[]], ...QUIRKS.map((q) => [q, [q]] as [string, Quirk[]])])(
    "%s",
    async (_name, force) => {
      sim.reset();
      variance.setVariance({ seed: SEED, force });
      const replies = await everyOperation();
      expect(Object.keys(replies)).toHaveLength(18);
      for (const [operation, reply] of Object.entries(replies)) {
        // A refusal by Cloudflare (a 4xx such as a 404 for a preview that does not exist yet)
        // is fine; what must never happen is the console failing to read a legal reply.
        expect({ operation, code: reply.json?.error?.code }).not.toMatchObject({ code: "upstream_bad_response" });
        expect({ operation, status: reply.status }).not.toMatchObject({ status: 500 });
      }
    },
  );
});

describe("variance mode: each quirk, where it shows", () => {
  it("nullCompletedAt: the action log passes a pending entry on", async () => {
    sim.reset();
    // A reset regenerates the data set around the current time, so ids are read again.
    const { deliveredId } = sim.fixtures();
    variance.setVariance({ seed: SEED, force: ["nullCompletedAt"] });
    await callRoute(moveOne, API, { params: { id: deliveredId }, body: { destination: "JunkEmail" } });
    const log = await callRoute(getActionLog, API, { params: { id: deliveredId } });
    expect(log.status).toBe(200);
    expect(log.json.result.some((e: { completed_at?: string | null }) => e.completed_at == null)).toBe(true);
  });

  it("pageNumbered: search and bulk lists name the next page number instead of a cursor", async () => {
    variance.setVariance({ seed: SEED, force: ["pageNumbered"] });
    const first = await callRoute(search, API, { query: "per_page=5&detections_only=false" });
    expect(first.status).toBe(200);
    expect(first.json.result_info).toMatchObject({ next: null, next_page: 2 });
    const second = await callRoute(search, API, { query: "per_page=5&detections_only=false&page=2" });
    expect(second.status).toBe(200);
    const firstIds = new Set(first.json.result.map((m: { id: string }) => m.id));
    for (const m of second.json.result) expect(firstIds.has(m.id)).toBe(false);
  });

  it("opaqueCursors: a cursor with /, + and = is accepted back", async () => {
    variance.setVariance({ seed: SEED, force: ["opaqueCursors"] });
    const first = await callRoute(search, API, { query: "per_page=5&detections_only=false" });
    const next = first.json.result_info.next as string;
    expect(next).toMatch(/[/+=]/);
    const second = await callRoute(search, API, { query: `per_page=5&detections_only=false&cursor=${encodeURIComponent(next)}` });
    expect(second.status).toBe(200);
  });

  it("oddIds: a message whose id has dots and plus signs opens in every tab", async () => {
    sim.reset();
    variance.setVariance({ seed: SEED, force: ["oddIds"] });
    const odd = variance.fixtures().oddIdMessage;
    expect(odd).toMatch(/[.+]/);
    for (const handler of [getMessage, getDetections, getTrace, getRaw, getActionLog]) {
      const res = await callRoute(handler, API, { params: { id: odd! } });
      expect(res.status).toBe(200);
    }
  });

  it("searchLocation: a 202 is followed to its Location, not re-sent", async () => {
    variance.setVariance({ seed: SEED, force: ["searchLocation"] });
    const query = "per_page=5&sender=location-test.example";
    let res = await callRoute(search, API, { query });
    for (let i = 0; i < 5 && res.status === 202; i++) res = await callRoute(search, API, { query });
    expect(res.status).toBe(200);
    const paths = sim.calls().filter((c) => c.method === "GET").map((c) => `${c.path}?${new URLSearchParams(c.query as Record<string, string>)}`);
    expect(new Set(paths).size).toBeGreaterThan(1);
  });

  it("noJobMessageDetail: job message rows come without `message`", async () => {
    variance.setVariance({ seed: SEED, force: ["noJobMessageDetail"] });
    const created = await callRoute(createJob, API, { body: { action: "MOVE", destination: "JunkEmail", search_params: { sender: fx.campaignSender } } });
    expect(created.status).toBe(201);
    const rows = await callRoute(listJobMessages, API, { params: { jobId: created.json.result.job_id } });
    expect(rows.status).toBe(200);
    for (const row of rows.json.result) expect(row.message ?? null).toBeNull();
  });
});
