import { beforeEach, describe, expect, it } from "vitest";
import { createHarness, idPath, type Harness } from "./test-helpers";

let h: Harness;
beforeEach(() => {
  h = createHarness({ messageCount: 1500 });
});

const UNKNOWN = "ZZZZZZZZZZZZZZZZ-2026-11-20T10:00:00-00000000";

describe("single-message reads", () => {
  it("GET /{id} returns MessageDetails; colons may arrive percent-encoded or raw", async () => {
    const { quarantinedId } = h.sim.fixtures();
    const encoded = await h.call("GET", idPath(quarantinedId));
    expect(encoded.status).toBe(200);
    expect(encoded.body.result.id).toBe(quarantinedId);
    const raw = await h.call("GET", `/${quarantinedId}`);
    expect(raw.body.result).toEqual(encoded.body.result);
  });

  it("GET /{id}?submission=true 404s for a message outside the submissions datastore", async () => {
    const { quarantinedId } = h.sim.fixtures();
    expect((await h.call("GET", `${idPath(quarantinedId)}?submission=true`)).status).toBe(404);
  });

  it("GET /{id}/detections", async () => {
    const res = await h.call("GET", idPath(h.sim.fixtures().hostileId, "/detections"));
    const d = res.body.result;
    expect(d.final_disposition).toBe("MALICIOUS");
    expect(d.attachments[0].md5).toMatch(/^[0-9a-f]{32}$/);
    expect(d.attachments[0].sha1).toMatch(/^[0-9a-f]{40}$/);
    expect(d.attachments[0].sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(d.findings.length).toBeGreaterThan(0);
    expect(d.headers.map((x: { name: string }) => x.name)).toEqual(expect.arrayContaining(["Received", "Authentication-Results", "From", "Subject", "Reply-To"]));
    expect(d.sender_info).toMatchObject({ ip: expect.any(String), as_number: expect.any(Number), pld: "evil-markup.invalid" });
    expect(d.threat_categories[0]).toMatchObject({ id: expect.any(Number), name: expect.any(String), description: expect.any(String) });
  });

  it("GET /{id}/trace, pending for a message scanned minutes ago", async () => {
    const done = await h.call("GET", idPath(h.sim.fixtures().quarantinedId, "/trace"));
    expect(done.body.result.inbound.pending).toBe(false);
    expect(done.body.result.inbound.lines[0]).toMatchObject({ lineno: 1, logged_at: expect.any(String), message: expect.stringContaining("postfix/smtpd") });
    const recent = await h.call("GET", "?detections_only=false&per_page=1&start=2026-11-25T11:57:00Z");
    const [fresh] = recent.body.result;
    expect(fresh).toBeDefined();
    const pending = await h.call("GET", idPath(fresh.id, "/trace"));
    expect(pending.body.result.inbound.pending).toBe(true);
    h.advance(10 * 60_000);
    expect((await h.call("GET", idPath(fresh.id, "/trace"))).body.result.inbound.pending).toBe(false);
  });

  it("GET /{id}/raw returns an .eml", async () => {
    const res = await h.call("GET", idPath(h.sim.fixtures().deliveredId, "/raw"));
    expect(res.body.result.raw).toContain("\r\nSubject: Confirm your mailbox settings\r\n");
  });

  it("GET /{id}/action_log is newest first", async () => {
    const { deliveredId } = h.sim.fixtures();
    await h.call("POST", idPath(deliveredId, "/move"), { body: { destination: "JunkEmail" } });
    h.advance(5000);
    await h.call("POST", idPath(deliveredId, "/reclassify"), { body: { expected_disposition: "MALICIOUS" } });
    const res = await h.call("GET", idPath(deliveredId, "/action_log"));
    expect(res.body.result.map((e: { operation: string }) => e.operation)).toEqual(["SUBMISSION", "MOVE"]);
  });

  it("some generated messages already carry history", async () => {
    const res = await h.call("GET", "?message_action=MOVED&start=2026-08-28T00:00:00Z&per_page=1");
    const [row] = res.body.result;
    const log = await h.call("GET", idPath(row.id, "/action_log"));
    expect(log.body.result.length).toBeGreaterThan(0);
    expect(log.body.result.some((e: { operation: string }) => e.operation === "MOVE")).toBe(true);
  });

  it.each(["", "/detections", "/trace", "/preview", "/raw", "/action_log"])("GET /{unknown}%s → 404", async (suffix) => {
    const res = await h.call("GET", idPath(UNKNOWN, suffix));
    expect(res.status).toBe(404);
    expect(res.body.errors[0].code).toBeGreaterThanOrEqual(1000);
  });

  it.each(["/move", "/reclassify"])("POST /{unknown}%s → 404", async (suffix) => {
    const body = suffix === "/move" ? { destination: "Inbox" } : { expected_disposition: "NONE" };
    expect((await h.call("POST", idPath(UNKNOWN, suffix), { body })).status).toBe(404);
  });

  it("unknown routes and accounts answer Cloudflare's no-route 404", async () => {
    const res = await h.call("GET", "/accounts/not-an-account/email-security/investigate", { offContract: true });
    expect(res.status).toBe(404);
    expect(res.body.errors[0].code).toBe(7003);
  });
});

describe("move", () => {
  it("moves a delivered message and records it", async () => {
    const { deliveredId } = h.sim.fixtures();
    const res = await h.call("POST", idPath(deliveredId, "/move"), { body: { destination: "JunkEmail" } });
    expect(res.status).toBe(200);
    expect(res.body.result).toHaveLength(1);
    expect(res.body.result[0]).toMatchObject({ success: true, destination: "JunkEmail", operation: "MOVE", message_id: deliveredId, status: "completed" });
    expect(res.body.result[0].recipient).toMatch(/@acme\.example$/);
    const after = (await h.call("GET", idPath(deliveredId))).body.result;
    expect(after.delivery_status).toEqual(["moved"]);
    expect(after.post_delivery_operations).toContain("MOVE");
    const [entry] = (await h.call("GET", idPath(deliveredId, "/action_log"))).body.result;
    expect(entry).toMatchObject({ operation: "MOVE", status: "completed", properties: { folder: "JunkEmail", requested_by: "API" } });
    expect(h.sim.calls().filter((c) => c.method === "POST")).toHaveLength(1);
  });

  it("fails per item for a message that was never delivered", async () => {
    const { undeliverableId } = h.sim.fixtures();
    const res = await h.call("POST", idPath(undeliverableId, "/move"), { body: { destination: "DeletedItems" } });
    expect(res.status).toBe(200);
    expect(res.body.result[0]).toMatchObject({ success: false, status: "Message was never delivered (rejected)" });
    expect((await h.call("GET", idPath(undeliverableId))).body.result.delivery_status).toEqual(["rejected"]);
  });

  it.each([
    [{}, "/destination"],
    [{ destination: "Trash" }, "/destination"],
    [{ destination: "Inbox", expected_disposition: "EVIL" }, "/expected_disposition"],
  ])("validates the body %j", async (body, pointer) => {
    const res = await h.call("POST", idPath(h.sim.fixtures().deliveredId, "/move"), { body });
    expect(res.status).toBe(400);
    expect(res.body.errors[0].source.pointer).toBe(pointer);
  });

  it("rejects invalid JSON", async () => {
    const res = await h.call("POST", idPath(h.sim.fixtures().deliveredId, "/move"), { rawBody: "{nope" });
    expect(res.status).toBe(400);
    expect(h.sim.calls().at(-1)?.body).toBe("{nope");
  });

  it("bulk move: per-item results, unknown ids fail, deprecated postfix_ids accepted", async () => {
    const { deliveredId, undeliverableId } = h.sim.fixtures();
    const res = await h.call("POST", "/move", { body: { ids: [deliveredId, undeliverableId, UNKNOWN], destination: "DeletedItems" } });
    expect(res.body.result.map((r: { success: boolean }) => r.success)).toEqual([true, false, false]);
    expect(res.body.result[2]).toMatchObject({ message_id: UNKNOWN, status: "Message not found" });
    const details = (await h.call("GET", idPath(deliveredId))).body.result;
    const again = await h.call("POST", "/move", { body: { postfix_ids: [details.postfix_id], destination: "Inbox" } });
    expect(again.body.result[0]).toMatchObject({ success: true, destination: "Inbox" });
    expect((await h.call("POST", "/move", { body: { destination: "Inbox" } })).status).toBe(400);
  });
});

describe("release", () => {
  it("releases a quarantined message (SDK body {ids})", async () => {
    const { quarantinedId } = h.sim.fixtures();
    const res = await h.call("POST", "/release", { body: { ids: [quarantinedId] } });
    expect(res.status).toBe(200);
    expect(res.body.result[0]).toMatchObject({ id: quarantinedId, failed: [], undelivered: [] });
    expect(res.body.result[0].delivered).toHaveLength(1);
    const after = (await h.call("GET", idPath(quarantinedId))).body.result;
    expect(after).toMatchObject({ is_quarantined: false, delivery_status: ["delivered"] });
    expect(after.post_delivery_operations).toContain("QUARANTINE_RELEASE");
    const [entry] = (await h.call("GET", idPath(quarantinedId, "/action_log"))).body.result;
    expect(entry.operation).toBe("QUARANTINE_RELEASE");
  });

  it("accepts the published bare-array body and fails non-quarantined and unknown ids", async () => {
    const { deliveredId } = h.sim.fixtures();
    const res = await h.call("POST", "/release", { body: [deliveredId, UNKNOWN] });
    expect(res.body.result[0]).toMatchObject({ id: deliveredId, delivered: [] });
    expect(res.body.result[0].failed).toHaveLength(1);
    expect(res.body.result[1]).toMatchObject({ id: UNKNOWN, failed: [UNKNOWN] });
    expect((await h.call("POST", "/release", { body: { ids: [] } })).status).toBe(400);
  });
});

describe("reclassify", () => {
  it("answers 202 with an empty result and logs a submission", async () => {
    const { hostileId } = h.sim.fixtures();
    const res = await h.call("POST", idPath(hostileId, "/reclassify"), { body: { expected_disposition: "NONE", escalated_submission_id: "sub-1" } });
    expect(res.status).toBe(202);
    expect(res.body.result).toEqual({});
    const after = (await h.call("GET", idPath(hostileId))).body.result;
    expect(after.post_delivery_operations).toContain("SUBMISSION");
    expect(after.final_disposition).toBe("MALICIOUS"); // reclassification is asynchronous upstream
    expect((await h.call("POST", idPath(hostileId, "/reclassify"), { body: { expected_disposition: "MALICIOUS-BEC" } })).status).toBe(400);
  });
});

describe("preview", () => {
  it("GET preview 404s until POST /preview generates it ({id} body)", async () => {
    const { noPreviewId } = h.sim.fixtures();
    expect((await h.call("GET", idPath(noPreviewId, "/preview"))).status).toBe(404);
    const created = await h.call("POST", "/preview", { body: { id: noPreviewId } });
    expect(created.status).toBe(200);
    expect(created.body.result.screenshot.length).toBeGreaterThan(100);
    const got = await h.call("GET", idPath(noPreviewId, "/preview"));
    expect(got.body.result.screenshot).toBe(created.body.result.screenshot);
    const after = (await h.call("GET", idPath(noPreviewId))).body.result;
    expect(after.post_delivery_operations).toContain("PREVIEW");
    const [entry] = (await h.call("GET", idPath(noPreviewId, "/action_log"))).body.result;
    expect(entry.operation).toBe("PREVIEW");
  });

  it("accepts the published {postfix_id} body; 404 for unknown, 400 for neither", async () => {
    const details = (await h.call("GET", idPath(h.sim.fixtures().deliveredId))).body.result;
    expect((await h.call("POST", "/preview", { body: { postfix_id: details.postfix_id } })).status).toBe(200);
    expect((await h.call("POST", "/preview", { body: { id: UNKNOWN } })).status).toBe(404);
    expect((await h.call("POST", "/preview", { body: {} })).status).toBe(400);
  });
});

describe("SDK compatibility", () => {
  it("works as the official SDK's fetch", async () => {
    const { default: Cloudflare } = await import("cloudflare");
    const client = new Cloudflare({ apiToken: "sdk-token", baseURL: "http://simulator.test/client/v4", fetch: h.sim.handle, maxRetries: 0 });
    const account_id = "023e105f4ecef8ad9ca31a8372d0c353";
    const page = await client.emailSecurity.investigate.list({ account_id, per_page: 5 });
    expect(page.result).toHaveLength(5);
    const { quarantinedId } = h.sim.fixtures();
    const msg = await client.emailSecurity.investigate.get(quarantinedId, { account_id });
    expect(msg.id).toBe(quarantinedId);
    const released = await client.emailSecurity.investigate.release.bulk({ account_id, ids: [quarantinedId] });
    expect(released.result[0]?.delivered).toHaveLength(1);
    const job = await client.emailSecurity.investigate.bulk.create({ account_id, action: "RELEASE", search_params: { final_disposition: "MALICIOUS" } });
    expect(job.status).toBe("PENDING");
    expect(h.sim.calls().map((c) => c.path)).toContain(`/accounts/${account_id}/email-security/investigate/${quarantinedId}`);
  });
});
