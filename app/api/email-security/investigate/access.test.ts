import { describe, expect, it, vi } from "vitest";
import { auditList } from "@/lib/testing/audit";
import { revokeUserSessions } from "@/lib/auth/server-sessions";
import type { Role } from "@/lib/auth/roles";
import { quarantinedCleanId, useDemoSimulator } from "@/lib/testing/simulator";
import { callRoute, ORIGIN, sessionCookie, type CallOptions } from "@/lib/testing/routes";
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

const UUID = "3f2b8c1e-9a4d-4e6b-8c2a-1d5e7f9a0b3c";
type Who = Role | null;
// Expected status per caller: no session, viewer, analyst, admin. Mutations are aimed at ids the
// simulator does not know, so an allowed call ends in Cloudflare's 404 or a per-item failure.
const matrix: [string, Parameters<typeof callRoute>[0], () => CallOptions, [number, number, number, number]][] = [
  ["search", search, () => ({ query: "per_page=1" }), [401, 200, 200, 200]],
  ["message", getMessage, () => ({ params: { id: fx.deliveredId } }), [401, 200, 200, 200]],
  ["detections", getDetections, () => ({ params: { id: fx.deliveredId } }), [401, 200, 200, 200]],
  ["trace", getTrace, () => ({ params: { id: fx.deliveredId } }), [401, 200, 200, 200]],
  ["preview", getPreview, () => ({ params: { id: fx.deliveredId } }), [401, 200, 200, 200]],
  ["raw", getRaw, () => ({ params: { id: fx.deliveredId } }), [401, 200, 200, 200]],
  ["action log", getActionLog, () => ({ params: { id: fx.deliveredId } }), [401, 200, 200, 200]],
  ["move one", moveOne, () => ({ params: { id: "unknown-1" }, body: { destination: "Inbox" } }), [401, 403, 404, 404]],
  ["reclassify", reclassify, () => ({ params: { id: "unknown-1" }, body: { expected_disposition: "SPAM" } }), [401, 403, 404, 404]],
  ["move many", moveMany, () => ({ body: { ids: ["unknown-1"], destination: "Inbox" } }), [401, 403, 200, 200]],
  ["release", release, () => ({ body: { ids: ["unknown-1"] } }), [401, 403, 200, 200]],
  ["create preview", createPreview, () => ({ body: { id: "unknown-1" } }), [401, 403, 404, 404]],
  ["list jobs", listJobs, () => ({}), [401, 200, 200, 200]],
  ["create job", createJob, () => ({ body: { action: "RELEASE", search_params: { sender: "nobody@nowhere.test" } } }), [401, 403, 403, 201]],
  ["get job", getJob, () => ({ params: { jobId: UUID } }), [401, 404, 404, 404]],
  ["delete job", deleteJob, () => ({ params: { jobId: UUID }, method: "DELETE" }), [401, 403, 403, 404]],
  ["cancel job", cancelJob, () => ({ params: { jobId: UUID }, method: "POST" }), [401, 403, 403, 404]],
  ["job messages", listJobMessages, () => ({ params: { jobId: UUID } }), [401, 404, 404, 404]],
];
const WHO: Who[] = [null, "viewer", "analyst", "admin"];

describe("role matrix", () => {
  for (const [name, handler, options, expected] of matrix) {
    it.each(WHO.map((who, i) => [who ?? "no session", who, expected[i]!] as const))(`${name}: %s → %i`, async (_label, who, status) => {
      const res = await callRoute(handler, "/api/email-security/investigate", { ...options(), as: who });
      expect(res.status).toBe(status);
      if (status === 401) expect(res.json.error.code).toBe("unauthorized");
      if (status === 403) expect(res.json.error.message).toMatch(/needs the (analyst|admin) role/);
      if (status === 401 || status === 403) expect(sim.calls()).toHaveLength(0);
    });
  }
});

describe("cross-site requests", () => {
  it.each([
    ["another origin", { origin: "https://evil.example" }],
    ["no origin", { origin: "" }],
    ["a cross-site fetch", { origin: ORIGIN, "sec-fetch-site": "cross-site" }],
    ["a same-site subdomain", { origin: ORIGIN, "sec-fetch-site": "same-site" }],
  ])("refuses a POST from %s even with a valid cookie", async (_name, headers) => {
    const res = await callRoute(moveOne, "/x", {
      params: { id: fx.deliveredId },
      body: { destination: "Inbox" },
      headers: { ...headers, cookie: await sessionCookie("admin") },
    });
    expect(res.status).toBe(403);
    expect(res.json.error.message).toMatch(/cross-site/);
    expect(sim.calls()).toHaveLength(0);
  });

  it("refuses a session that was signed out, even if a copy of its cookie is replayed", async () => {
    const cookie = await sessionCookie("analyst", "leaver@tests.test");
    expect((await callRoute(search, "/x", { headers: { cookie } })).status).toBe(200);
    await revokeUserSessions("leaver@tests.test", "admin@tests.test");
    const replayed = await callRoute(search, "/x", { headers: { cookie } });
    expect(replayed.status).toBe(401);
  });

  it("refuses a forged or expired-looking cookie as no session", async () => {
    const res = await callRoute(search, "/x", { headers: { cookie: "next-auth.session-token=forged.jwt.value" } });
    expect(res.status).toBe(401);
  });
});

describe("audit trail", () => {
  it("records who moved what, pending first and completed after", async () => {
    const before = (await auditList({ messageId: fx.deliveredId })).length;
    const res = await callRoute(moveOne, "/x", {
      params: { id: fx.deliveredId },
      body: { destination: "JunkEmail" },
      headers: { cookie: await sessionCookie("analyst", "ana@tests.test"), "user-agent": "vitest-agent", "x-forwarded-for": "192.0.2.7" },
    });
    expect(res.status).toBe(200);
    const records = (await auditList({ messageId: fx.deliveredId }));
    expect(records).toHaveLength(before + 1);
    expect(records[0]).toMatchObject({
      email: "ana@tests.test",
      role: "analyst",
      operation: "move",
      destination: "JunkEmail",
      // No trusted proxy by default (TRUSTED_PROXY_HOPS=0): the client's own claim is not recorded.
      ip: null,
      user_agent: "vitest-agent",
      outcome: "succeeded",
      upstream_status: 200,
    });
  });

  it("leaves a failed record when Cloudflare fails, and a pending one while the call is in flight", async () => {
    const id = await quarantinedCleanId();
    sim.setFaults([{ match: "/release", latencyMs: 300, status: 500 }]);
    const call = callRoute(release, "/x", { body: { ids: [id] } });
    const inFlight = await vi.waitFor(async () => {
      const record = (await auditList({ operation: "release" }))[0];
      expect(record).toMatchObject({ outcome: "pending", completed_at: null, message_ids: [id] });
      return record!;
    });
    const res = await call;
    expect(res.status).toBe(502);
    expect((await auditList({ operation: "release" }))[0]).toMatchObject({ id: inFlight.id, outcome: "failed", upstream_status: 502 });
  });

  it("names the bulk job a create made, once Cloudflare has made it", async () => {
    const res = await callRoute(createJob, "/x", { body: { action: "RELEASE", search_params: { sender: "nobody@nowhere.test" } } });
    expect(res.status).toBe(201);
    expect((await auditList({ operation: "bulk_job_create" }))[0]).toMatchObject({
      job_id: res.json.result.job_id,
      outcome: "succeeded",
      upstream_status: 201,
    });
  });

  it("records who read a message's raw source, without keeping the message in the trail", async () => {
    const res = await callRoute(getRaw, "/x", { params: { id: fx.deliveredId }, as: "viewer", headers: { cookie: await sessionCookie("viewer", "reader@tests.test") } });
    expect(res.status).toBe(200);
    const [record] = (await auditList({ operation: "raw_download" }));
    expect(record).toMatchObject({ email: "reader@tests.test", role: "viewer", message_ids: [fx.deliveredId], outcome: "succeeded", result: null });
  });

  it("records a role refusal as such, and nothing for a request refused as malformed", async () => {
    const before = (await auditList()).length;
    await callRoute(moveOne, "/x", { params: { id: fx.deliveredId }, body: { destination: "Inbox" }, as: "viewer" });
    await callRoute(moveOne, "/x", { params: { id: "a/b" }, body: { destination: "Inbox" } });
    const records = (await auditList());
    expect(records).toHaveLength(before + 1);
    expect(records[0]).toMatchObject({
      email: "viewer@tests.test",
      operation: "forbidden",
      outcome: "failed",
      upstream_status: 403,
      params: { method: "POST", route: "/x", missing_role: "analyst" },
    });
  });
});
