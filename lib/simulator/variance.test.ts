// Variance mode: each quirk forced and by seed, determinism, the control endpoint, and every reply
// of all 18 operations still valid against the description (the harness checks each one).
import { describe, expect, it } from "vitest";
import { contractProblems } from "./contract-validator";
import { createSimulator } from "./index";
import { openApiSpec } from "./openapi";
import { createHarness, idPath, ORIGIN, PREFIX, type CallResult, type Harness } from "./test-helpers";
import { DELIVERY_STATUSES, DISPOSITIONS } from "./types";
import { VARIANCE_QUIRKS, varianceFromEnv, type VarianceConfig, type VarianceQuirk } from "./variance-config";

const COUNT = 600;
const ALL = "?detections_only=false&start=2026-08-01T00:00:00Z";

function harness(variance: VarianceConfig | null): Harness {
  return createHarness({ messageCount: COUNT, variance });
}

function forced(...quirks: VarianceQuirk[]): Harness {
  return harness({ seed: 7, force: quirks });
}

/** The harness path for an absolute Location, e.g. http://simulator.test/client/v4/accounts/…?search_id=… */
function pathOf(location: string): string {
  const url = new URL(location);
  return `${url.pathname.replace(/^\/client\/v4/, "")}${url.search}`;
}

/** A search as a client must run it: follow a 202's Location until the answer is 200. */
async function search(h: Harness, query: string): Promise<CallResult> {
  let res = await h.call("GET", query);
  for (let polls = 0; res.status === 202 && polls < 3; polls++) res = await h.call("GET", pathOf(res.headers.get("location") ?? ""));
  expect(res.status).toBe(200);
  return res;
}

/** Every page of a list, by cursor or by page number, whichever the list answers with. */
async function allPages(h: Harness, base: string, perPage: number): Promise<{ items: any[]; styles: Set<string> }> {
  const items: any[] = [];
  const styles = new Set<string>();
  const sep = base.includes("?") ? "&" : "?";
  let next = `${base}${sep}per_page=${perPage}`;
  for (let i = 0; i < 200; i++) {
    const res = base.includes("/bulk") ? await h.call("GET", next) : await search(h, next);
    expect(res.status).toBe(200);
    items.push(...res.body.result);
    const info = res.body.result_info;
    if ("page" in info) {
      styles.add("page");
      expect(info).not.toHaveProperty("next");
      if (info.count < perPage || info.page * perPage >= info.total_count) return { items, styles };
      next = `${base}${sep}per_page=${perPage}&page=${info.page + 1}`;
    } else {
      styles.add("cursor");
      if (!info.next) return { items, styles };
      next = `${base}${sep}per_page=${perPage}&cursor=${encodeURIComponent(info.next)}`;
    }
  }
  throw new Error("paging did not end");
}

/** Runs every operation with success answers (the harness validates each reply against the description). */
async function exerciseAll(h: Harness): Promise<void> {
  const f = h.sim.fixtures();
  const found = (await search(h, `${ALL}&per_page=150`)).body.result as { id: string }[];
  const ids = [f.hostileId, f.deliveredId, f.quarantinedId, ...found.slice(0, 12).map((m) => m.id)];
  for (const id of ids) {
    for (const suffix of ["", "/detections", "/trace", "/raw", "/action_log"]) expect((await h.call("GET", idPath(id, suffix))).status).toBe(200);
    expect([200, 404]).toContain((await h.call("GET", idPath(id, "/preview"))).status);
  }
  expect((await h.call("POST", idPath(f.deliveredId, "/move"), { body: { destination: "JunkEmail" } })).status).toBe(200);
  expect((await h.call("POST", idPath(f.hostileId, "/reclassify"), { body: { expected_disposition: "NONE" } })).status).toBe(202);
  expect((await h.call("POST", "/move", { body: { ids: ids.slice(3, 8), destination: "DeletedItems" } })).status).toBe(200);
  expect((await h.call("POST", "/release", { body: [f.quarantinedId, ...ids.slice(8)] })).status).toBe(200);
  expect((await h.call("POST", "/preview", { body: { id: f.noPreviewId } })).status).toBe(200);
  for (const id of ids.slice(0, 4)) expect((await h.call("GET", idPath(id, "/action_log"))).status).toBe(200);
  const jobs: string[] = [];
  for (const action of ["MOVE", "RELEASE"] as const) {
    const body = { action, ...(action === "MOVE" ? { destination: "JunkEmail", expected_disposition: "SPAM" } : {}), search_params: { detections_only: true, start: "2026-10-01T00:00:00Z" } };
    const created = await h.call("POST", "/bulk", { body });
    expect(created.status).toBe(201);
    jobs.push(created.body.result.job_id);
  }
  h.advance(1600 + 40 * 40);
  await allPages(h, "/bulk", 1);
  for (const job of jobs) {
    expect((await h.call("GET", `/bulk/${job}`)).status).toBe(200);
    await allPages(h, `/bulk/${job}/messages`, 25);
  }
  const cancelled = await h.call("POST", `/bulk/${jobs[0]}/cancel`);
  expect([200, 409]).toContain(cancelled.status);
  h.advance(60 * 60_000);
  for (const job of jobs) expect((await h.call("DELETE", `/bulk/${job}`)).status).toBe(200);
}

describe("variance mode keeps every reply valid against the description", () => {
  it.each([1, 2, 3, 4, 5, 6, 7, 8, 42, 1234])("seed %i", async (seed) => {
    await exerciseAll(harness({ seed }));
  });

  it.each(VARIANCE_QUIRKS.map((q) => [q]))("%s forced", async (quirk) => {
    await exerciseAll(forced(quirk));
  });

  it("all quirks forced at once", async () => {
    await exerciseAll(harness({ seed: 3, force: [...VARIANCE_QUIRKS] }));
  });

  it("the soft validation is only soft where the description's enum is reconstructed", () => {
    const path = `${PREFIX}/x`;
    const body = (patch: Record<string, unknown>) => ({ success: true, errors: [], messages: [], result: { id: "x", action_log: [], client_recipients: [], detection_reasons: [], is_phish_submission: false, is_quarantined: false, postfix_id: "p", properties: {}, ts: "2026-11-20T10:00:00Z", ...patch } });
    const unknownDisposition = body({ final_disposition: "QUARANTINE_PLUS" });
    expect(contractProblems("GET", path, 200, unknownDisposition).length).toBeGreaterThan(0);
    expect(contractProblems("GET", path, 200, unknownDisposition, { softEnums: true })).toEqual([]);
    expect(contractProblems("GET", path, 200, body({ final_disposition: 7 }), { softEnums: true }).length).toBeGreaterThan(0);
    const job = { job_id: "00000000-0000-4000-8000-000000000000", action_type: "MOVE", action_params: { type: "MOVE", destination: "Inbox" }, search_params: {}, status: "EXPLODED", total_messages_discovered: 0, messages_pending: 0, messages_successful: 0, messages_failed: 0, created_at: "2026-11-20T10:00:00Z" };
    expect(contractProblems("GET", `${PREFIX}/bulk/${job.job_id}`, 200, { success: true, errors: [], messages: [], result: job }, { softEnums: true }).length).toBeGreaterThan(0);
  });
});

describe("each quirk, forced", () => {
  it("pageNumbered: search, bulk jobs and job messages answer by page number, honour page=N and reach the last page", async () => {
    const h = forced("pageNumbered");
    const first = await h.call("GET", `${ALL}&per_page=100`);
    expect(first.body.result_info).toEqual({ count: 100, page: 1, per_page: 100, total_count: expect.any(Number) });
    const total = first.body.result_info.total_count as number;
    expect(total).toBeGreaterThan(300);
    const { items, styles } = await allPages(h, ALL, 100);
    expect(styles).toEqual(new Set(["page"]));
    expect(items).toHaveLength(total);
    expect(new Set(items.map((m) => m.id)).size).toBe(total);
    const plain = await allPages(harness(null), ALL, 100);
    expect(items.map((m) => m.id)).toEqual(plain.items.map((m) => m.id));

    const created = await h.call("POST", "/bulk", { body: { action: "MOVE", destination: "JunkEmail", search_params: { detections_only: false, start: "2026-11-01T00:00:00Z" } } });
    await h.call("POST", "/bulk", { body: { action: "RELEASE", search_params: {} } });
    h.advance(1600 + 40 * 120);
    const jobs = await allPages(h, "/bulk", 1);
    expect(jobs.styles).toEqual(new Set(["page"]));
    expect(jobs.items).toHaveLength(2);
    const rows = await allPages(h, `/bulk/${created.body.result.job_id}/messages`, 30);
    expect(rows.styles).toEqual(new Set(["page"]));
    expect(rows.items.length).toBe((await h.call("GET", `/bulk/${created.body.result.job_id}`)).body.result.total_messages_discovered);
  });

  it("opaqueCursors: cursors are standard base64 with + / and =, work URL-encoded and fail when sent raw", async () => {
    const h = forced("opaqueCursors");
    const first = await h.call("GET", `${ALL}&per_page=50`);
    const next: string = first.body.result_info.next;
    expect(next).toMatch(/\+/);
    expect(next).toMatch(/\//);
    expect(next).toMatch(/=$/);
    const second = await h.call("GET", `${ALL}&per_page=50&cursor=${encodeURIComponent(next)}`);
    expect(second.status).toBe(200);
    expect(second.body.result[0].id).not.toBe(first.body.result[0].id);
    const back = await h.call("GET", `${ALL}&per_page=50&cursor=${encodeURIComponent(second.body.result_info.previous)}`);
    expect(back.body.result.map((m: { id: string }) => m.id)).toEqual(first.body.result.map((m: { id: string }) => m.id));
    const raw = await h.call("GET", `${ALL}&per_page=50&cursor=${next}`);
    expect(raw.status).toBe(400);
    expect(raw.body.errors[0].message).toBe("cursor is invalid");
    const { items, styles } = await allPages(h, ALL, 100);
    expect(styles).toEqual(new Set(["cursor"]));
    expect(new Set(items.map((m) => m.id)).size).toBe(items.length);

    for (let i = 0; i < 3; i++) await h.call("POST", "/bulk", { body: { action: "RELEASE", search_params: {} } });
    const jobs = await h.call("GET", "/bulk?per_page=1");
    expect(jobs.body.result_info.next).toMatch(/^\+\+\/\/.*=$/);
    expect((await allPages(h, "/bulk", 1)).items).toHaveLength(3);
  });

  it("oddIds: ids with . and + are found on every per-message endpoint, and the plain id is not", async () => {
    const h = forced("oddIds");
    const f = h.sim.fixtures();
    const odd = f.oddIdMessage ?? "";
    expect(odd).toMatch(/^[A-Za-z0-9]{16}-\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}\+0000-\d{8}$/);
    expect(odd).toBe(f.deliveredId);
    for (const suffix of ["", "/detections", "/trace", "/raw", "/action_log", "/preview"]) {
      const res = await h.call("GET", idPath(odd, suffix));
      expect(res.status, suffix).toBe(200);
    }
    expect((await h.call("GET", idPath(odd))).body.result.id).toBe(odd);
    const move = await h.call("POST", idPath(odd, "/move"), { body: { destination: "JunkEmail" } });
    expect(move.body.result[0]).toMatchObject({ success: true, message_id: odd });
    expect((await h.call("POST", idPath(odd, "/reclassify"), { body: { expected_disposition: "SPAM" } })).status).toBe(202);
    expect((await h.call("POST", "/move", { body: { ids: [odd], destination: "Inbox" } })).body.result[0]).toMatchObject({ success: true, message_id: odd });
    expect((await h.call("POST", "/release", { body: [f.quarantinedId] })).body.result[0]).toMatchObject({ id: f.quarantinedId, failed: [] });
    expect((await h.call("POST", "/preview", { body: { id: odd } })).status).toBe(200);
    // Sent without percent-encoding too: `+` and `.` are legal in a path segment.
    const unencoded = await h.call("GET", `/${odd}/trace`);
    expect(unencoded.status).toBe(200);
    const plain = odd.replace(/\.\d{3}\+0000/, "");
    expect((await h.call("GET", idPath(plain))).status).toBe(404);
    const listed = (await search(h, `${ALL}&per_page=50`)).body.result as { id: string }[];
    expect(listed.every((m) => /\.\d{3}\+0000-/.test(m.id))).toBe(true);
    expect((await search(h, `${ALL}&query=${encodeURIComponent(odd)}`)).body.result.map((m: { id: string }) => m.id)).toEqual([odd]);
  });

  it("searchLocation: 202 with an empty result and a Location that differs, then 200 with the original search's results", async () => {
    const h = forced("searchLocation");
    const query = `${ALL}&per_page=40&sender=acme.example`;
    const pending = await h.call("GET", query);
    expect(pending.status).toBe(202);
    expect(pending.body.result).toEqual([]);
    const location = pending.headers.get("location") ?? "";
    const requested = `${ORIGIN}/client/v4${PREFIX}${query}`;
    expect(location).not.toBe(requested);
    expect(new URL(location).origin).toBe(ORIGIN);
    expect(new URL(location).pathname).toBe(new URL(requested).pathname);
    expect(new URL(location).searchParams.get("search_id")).toBeTruthy();
    const polled = await h.call("GET", pathOf(location));
    expect(polled.status).toBe(200);
    const direct = await harness(null).call("GET", query);
    expect(polled.body).toEqual(direct.body);
    expect(polled.body.result.length).toBeGreaterThan(0);
    // The next page is the original search plus the cursor: 202 again, and its poll continues the list.
    const page2 = await search(h, `${query}&cursor=${encodeURIComponent(polled.body.result_info.next)}`);
    expect(page2.body).toEqual((await harness(null).call("GET", `${query}&cursor=${encodeURIComponent(direct.body.result_info.next)}`)).body);
    expect((await h.call("GET", "?search_id=not-ours")).status).toBe(400);
    expect((await h.call("GET", "?per_page=0")).status).toBe(400);
  });

  it("nullCompletedAt: action-log entries are pending, with completed_at and properties null", async () => {
    const h = forced("nullCompletedAt");
    const f = h.sim.fixtures();
    await h.call("POST", idPath(f.deliveredId, "/move"), { body: { destination: "JunkEmail" } });
    await h.call("POST", idPath(f.deliveredId, "/reclassify"), { body: { expected_disposition: "SPAM" } });
    const log = await h.call("GET", idPath(f.deliveredId, "/action_log"));
    expect(log.body.result).toHaveLength(2);
    for (const entry of log.body.result) expect(entry).toMatchObject({ completed_at: null, properties: null, operation: expect.any(String) });
  });

  it("noJobMessageDetail: job rows come without the SDK-only message object", async () => {
    for (const [h, present] of [[forced("noJobMessageDetail"), false], [harness(null), true]] as const) {
      const created = await h.call("POST", "/bulk", { body: { action: "MOVE", destination: "JunkEmail", search_params: { detections_only: false, start: "2026-11-20T00:00:00Z" } } });
      h.advance(1600 + 40 * 20);
      const rows = (await h.call("GET", `/bulk/${created.body.result.job_id}/messages?per_page=20`)).body.result as Record<string, unknown>[];
      expect(rows.length).toBeGreaterThan(0);
      expect(rows.every((r) => "message" in r)).toBe(present);
    }
  });

  it("unknownEnums: soft enums and open strings carry values the console does not know; closed ones never do", async () => {
    const h = forced("unknownEnums");
    const f = h.sim.fixtures();
    const messages = (await search(h, `${ALL}&per_page=100`)).body.result as Record<string, any>[];
    for (const m of messages) {
      expect(DISPOSITIONS).not.toContain(m.final_disposition);
      for (const status of m.delivery_status) expect(DELIVERY_STATUSES).not.toContain(status);
      expect(["pass", "neutral", "fail", "error", "none"]).not.toContain(m.validation.spf);
    }
    expect(messages.some((m) => m.final_disposition === "QUARANTINE_PLUS")).toBe(true);
    const strict = contractProblems("GET", PREFIX, 200, { success: true, errors: [], messages: [], result: messages, result_info: { count: 0, per_page: 1, total_count: 0 } });
    expect(strict.length).toBeGreaterThan(0);
    const detections = (await h.call("GET", idPath(f.hostileId, "/detections"))).body.result;
    expect(["DELIVER", "QUARANTINE", "REJECT", "MOVE"]).not.toContain(detections.action);
    await h.call("POST", idPath(f.deliveredId, "/move"), { body: { destination: "JunkEmail" } });
    const [entry] = (await h.call("GET", idPath(f.deliveredId, "/action_log"))).body.result;
    expect(entry.operation).toBe("MOVE");
    expect(entry.status).not.toBe("completed");
    const job = (await h.call("POST", "/bulk", { body: { action: "RELEASE", search_params: {} } })).body.result;
    expect(["PENDING", "DISCOVERING"]).toContain(job.status);
    expect(job.action_params.type).toBe("RELEASE");
  });

  it("omitOptional: only the fields the description requires are left", async () => {
    const h = forced("omitOptional");
    const required = openApiSpec.components.schemas["email-security_MessageDetails"]?.required as string[];
    const messages = (await search(h, `${ALL}&per_page=50`)).body.result as Record<string, unknown>[];
    for (const m of messages) expect(Object.keys(m).sort()).toEqual([...required].sort());
    const trace = (await h.call("GET", idPath(h.sim.fixtures().deliveredId, "/trace"))).body.result;
    expect(trace).toEqual({ inbound: {}, outbound: {} });
    expect(Object.keys((await h.call("GET", idPath(h.sim.fixtures().hostileId, "/raw"))).body.result)).toEqual(["raw"]);
  });

  it("nullNullable: every nullable field is null", async () => {
    const h = forced("nullNullable");
    const m = (await h.call("GET", idPath(h.sim.fixtures().hostileId))).body.result;
    for (const field of ["subject", "from", "scanned_at", "validation", "delivery_status", "to", "alert_id", "final_disposition"]) expect(m[field], field).toBeNull();
    expect(m.id).toBe(h.sim.fixtures().hostileId);
    expect(m.is_quarantined).toEqual(expect.any(Boolean));
    const detections = (await h.call("GET", idPath(h.sim.fixtures().hostileId, "/detections"))).body.result;
    expect(detections.findings).toBeNull();
    expect(detections.sender_info).toEqual({ ip: null, as_name: null, as_number: null, geo: null, pld: null });
  });
});

describe("by seed", () => {
  it("applies each quirk to some replies and not others", async () => {
    const h = harness({ seed: 11 });
    const { items, styles } = await allPages(h, ALL, 200);
    const odd = items.filter((m) => /\.\d{3}\+0000-/.test(m.id)).length;
    expect(odd).toBeGreaterThan(0);
    expect(odd).toBeLessThan(items.length / 2);
    const omittedSubject = items.filter((m) => !("subject" in m)).length;
    expect(omittedSubject).toBeGreaterThan(0);
    expect(omittedSubject).toBeLessThan(items.length / 4);
    expect(items.some((m) => m.subject === null)).toBe(true);
    expect(items.some((m) => m.final_disposition !== undefined && m.final_disposition !== null && !(DISPOSITIONS as readonly string[]).includes(m.final_disposition))).toBe(true);
    expect(styles.size).toBe(1);
    const searches = await Promise.all(Array.from({ length: 30 }, (_, i) => h.call("GET", `${ALL}&per_page=1&sender=${i}`)));
    const statuses = new Set(searches.map((s) => s.status));
    expect(statuses).toEqual(new Set([200, 202]));
    const lists = await Promise.all(Array.from({ length: 30 }, (_, i) => search(h, `${ALL}&per_page=5&query=a&subject=${"e".repeat(i % 3)}&recipient=${i}`)));
    expect(new Set(lists.map((l) => ("page" in l.body.result_info ? "page" : "cursor")))).toEqual(new Set(["page", "cursor"]));
  });

  it("is deterministic: the same seed gives the same replies, another seed different ones", async () => {
    const run = async (seed: number): Promise<string[]> => {
      const h = harness({ seed });
      const f = h.sim.fixtures();
      const out: string[] = [JSON.stringify(f)];
      const first = await h.call("GET", `${ALL}&per_page=30`);
      out.push(first.text, first.headers.get("location") ?? "");
      const page = await search(h, `${ALL}&per_page=30`);
      out.push(page.text);
      for (const suffix of ["", "/detections", "/trace", "/action_log"]) out.push((await h.call("GET", idPath(f.hostileId, suffix))).text);
      return out;
    };
    const a = await run(5);
    expect(await run(5)).toEqual(a);
    expect(await run(6)).not.toEqual(a);
  });

  it("keeps a message's variance the same in the list and on its own", async () => {
    const h = harness({ seed: 9 });
    const listed = (await search(h, `${ALL}&per_page=40`)).body.result as { id: string }[];
    for (const m of listed.slice(0, 10)) expect((await h.call("GET", idPath(m.id))).body.result).toEqual(m);
  });
});

describe("turning it on and off", () => {
  it("PUT, GET and DELETE /__simulator/variance, and reset turns it off", async () => {
    const h = harness(null);
    expect((await h.call("GET", "/__simulator/variance")).body.result).toBeNull();
    const plain = (await h.call("GET", idPath(h.sim.fixtures().hostileId))).text;
    const put = await h.call("PUT", "/__simulator/variance", { body: { seed: 7, force: ["oddIds", "nullNullable"] } });
    expect(put.status).toBe(200);
    expect((await h.call("GET", "/__simulator/variance")).body.result).toEqual({ seed: 7, force: ["oddIds", "nullNullable"] });
    expect(h.sim.variance()).toEqual({ seed: 7, force: ["oddIds", "nullNullable"] });
    const fixtures = (await h.call("GET", "/__simulator/fixtures")).body.result;
    expect(fixtures.oddIdMessage).toMatch(/\+0000-/);
    expect((await h.call("GET", idPath(fixtures.hostileId))).body.result.subject).toBeNull();
    expect((await h.call("DELETE", "/__simulator/variance")).status).toBe(200);
    expect(h.sim.variance()).toBeNull();
    expect((await h.call("GET", idPath(h.sim.fixtures().hostileId))).text).toBe(plain);
    expect(h.sim.fixtures()).not.toHaveProperty("oddIdMessage");
    await h.call("PUT", "/__simulator/variance", { body: { seed: 1 } });
    await h.call("POST", "/__simulator/reset");
    expect((await h.call("GET", "/__simulator/variance")).body.result).toBeNull();
  });

  it.each([
    [{}, "/seed"],
    [{ seed: -1 }, "/seed"],
    [{ seed: 1.5 }, "/seed"],
    [{ seed: "7" }, "/seed"],
    [{ seed: 7, force: ["sometimes"] }, "/force/0"],
    [{ seed: 7, extra: true }, "/"],
  ])("PUT rejects %j (pointer %s)", async (body, pointer) => {
    const h = harness(null);
    const res = await h.call("PUT", "/__simulator/variance", { body });
    expect(res.status).toBe(400);
    expect(res.body.errors[0].source.pointer).toBe(pointer);
    expect(h.sim.variance()).toBeNull();
  });

  it("createSimulator({ variance }) and setVariance validate the config", () => {
    const sim = createSimulator({ messageCount: 50, variance: { seed: 3 } });
    expect(sim.variance()).toEqual({ seed: 3 });
    sim.setVariance(null);
    expect(sim.variance()).toBeNull();
    expect(() => sim.setVariance({ seed: 3, force: ["nope" as VarianceQuirk] })).toThrow();
  });

  it("SIMULATOR_VARIANCE_SEED: off when unset or empty, a seed when set, an error naming the variable otherwise", () => {
    expect(varianceFromEnv({})).toBeNull();
    expect(varianceFromEnv({ SIMULATOR_VARIANCE_SEED: " " })).toBeNull();
    expect(varianceFromEnv({ SIMULATOR_VARIANCE_SEED: "7" })).toEqual({ seed: 7 });
    expect(() => varianceFromEnv({ SIMULATOR_VARIANCE_SEED: "seven" })).toThrow(/SIMULATOR_VARIANCE_SEED/);
  });
});
