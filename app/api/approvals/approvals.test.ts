import { afterEach, describe, expect, it, vi } from "vitest";
import { approvalClock } from "@/lib/approvals/clock";
import { markedComment } from "@/lib/approvals/mark";
import { resetRecoveryThrottle } from "@/lib/approvals/recovery";
import { approvalForJob } from "@/lib/approvals/service";
import { getApprovalStore } from "@/lib/approvals/store";
import { createBulkJob } from "@/lib/cloudflare";
import { auditList } from "@/lib/testing/audit";
import { callRoute, sessionCookie, type CallOptions } from "@/lib/testing/routes";
import { useDemoSimulator } from "@/lib/testing/simulator";
import { POST as createJob } from "@/app/api/email-security/investigate/bulk/route";
import { GET as listApprovals } from "./route";
import { GET as countApprovals } from "./count/route";
import { GET as getApproval } from "./[id]/route";
import { POST as approve } from "./[id]/approve/route";
import { POST as reject } from "./[id]/reject/route";

const { sim, fx } = useDemoSimulator();
const BULK = "/api/email-security/investigate/bulk";
const A = "/api/approvals";
const SECOND = "second-admin@tests.test";
const UNKNOWN = "3f2b8c1e-9a4d-4e6b-8c2a-1d5e7f9a0b3c";

const asSecondAdmin = async (): Promise<CallOptions> => ({ headers: { cookie: await sessionCookie("admin", SECOND) } });
const bulkPosts = () => sim.calls().filter((c) => c.method === "POST" && /\/bulk\/?$/.test(c.path));

async function requestRelease(search_params: Record<string, unknown> = { final_disposition: "MALICIOUS" }) {
  const res = await callRoute(createJob, BULK, { body: { action: "RELEASE", search_params, comment: "false positives, ticket 42" } });
  expect(res.status).toBe(202);
  return res.json.result.approval as { id: string; reasons: string[]; status: string; requested_by: string; sample: unknown[] };
}

afterEach(() => vi.restoreAllMocks());

describe("which bulk jobs need a second admin (decided on the server)", () => {
  it("starts a small, filtered move at once", async () => {
    const res = await callRoute(createJob, BULK, { body: { action: "MOVE", destination: "JunkEmail", search_params: { sender: fx.campaignSender } } });
    expect(res.status).toBe(201);
    expect(res.json.result.job_id).toEqual(expect.any(String));
    expect(bulkPosts()).toHaveLength(1);
  });

  it.each([
    ["a release of MALICIOUS mail", { action: "RELEASE", search_params: { final_disposition: "MALICIOUS" } }, /classified MALICIOUS/],
    ["a release whose search merely includes malicious mail", { action: "RELEASE", search_params: { delivery_status: "quarantined" } }, /MALICIOUS or MALICIOUS-BEC|more than 500/],
    ["an unfiltered move", { action: "MOVE", destination: "JunkEmail", search_params: {} }, /no filters/],
    ["a move of more than the threshold", { action: "MOVE", destination: "JunkEmail", search_params: { delivery_status: "delivered", detections_only: false } }, /more than 500 messages/],
    ["a job with an exact subject the search cannot count", { action: "MOVE", destination: "JunkEmail", search_params: { exact_subject: "Invoice" } }, /no exact subject filter.*cannot count/],
    ["a job with the submissions flag", { action: "MOVE", destination: "JunkEmail", search_params: { sender: "x@example.test", submissions: true } }, /no submissions filter/],
    ["a release of MALICIOUS-BEC, which the search cannot filter by", { action: "RELEASE", search_params: { final_disposition: "MALICIOUS-BEC" } }, /disposition MALICIOUS-BEC/],
  ])("%s becomes a request, not a job", async (_name, body, reason) => {
    const res = await callRoute(createJob, BULK, { body });
    expect(res.status).toBe(202);
    const request = res.json.result.approval;
    expect(request).toMatchObject({ status: "pending", requested_by: "admin@tests.test", body: expect.objectContaining({ action: body.action }) });
    expect(request.reasons.join(" ")).toMatch(reason);
    expect(bulkPosts()).toHaveLength(0);
    const audit = (await auditList({ operation: "bulk_approval_request", limit: 1 }))[0];
    expect(audit?.outcome).toBe("succeeded");
  });

  it("stores the exact job, the dry-run sample and the requester", async () => {
    const request = await requestRelease();
    const got = await callRoute(getApproval, `${A}/x`, { params: { id: request.id } });
    expect(got.status).toBe(200);
    expect(got.json.result.body).toEqual({ action: "RELEASE", search_params: { final_disposition: "MALICIOUS" }, comment: "false positives, ticket 42" });
    expect(got.json.result.sample.length).toBeGreaterThan(0);
    expect(got.json.result.sample.every((r: { final_disposition: string }) => r.final_disposition === "MALICIOUS")).toBe(true);
    expect(Date.parse(got.json.result.expires_at) - Date.parse(got.json.result.created_at)).toBe(24 * 3600 * 1000);
  });
});

describe("deciding a request", () => {
  it("refuses the requester (403, nothing created) and lets a second admin approve exactly once", async () => {
    const request = await requestRelease();
    const own = await callRoute(approve, `${A}/x/approve`, { params: { id: request.id }, body: { reason: "looks fine to me" } });
    expect(own.status).toBe(403);
    expect(own.json.error.message).toMatch(/You asked for this job.*another admin must/);
    const ownReject = await callRoute(reject, `${A}/x/reject`, { params: { id: request.id }, body: { reason: "never mind" } });
    expect(ownReject.status).toBe(403);
    expect(bulkPosts()).toHaveLength(0);

    const second = await asSecondAdmin();
    const [a, b] = await Promise.all([
      callRoute(approve, `${A}/x/approve`, { ...second, params: { id: request.id }, body: { reason: "checked with the mail team" } }),
      callRoute(approve, `${A}/x/approve`, { ...second, params: { id: request.id }, body: { reason: "double click" } }),
    ]);
    expect([a.status, b.status].sort()).toEqual([200, 409]);
    const approved = a.status === 200 ? a : b;
    expect(approved.json.result).toMatchObject({ status: "approved", requested_by: "admin@tests.test", decided_by: SECOND, decision_reason: "checked with the mail team" });
    expect(bulkPosts()).toHaveLength(1);
    expect(bulkPosts()[0]!.body).toMatchObject({
      action: "RELEASE",
      search_params: { final_disposition: "MALICIOUS" },
      // The requester's comment, and the mark that lets an interrupted approval be recovered.
      comment: `false positives, ticket 42 [Triage approval ${request.id}]`,
    });

    const jobId = approved.json.result.job_id as string;
    expect(approved.json.result.job.job_id).toBe(jobId);
    expect(await approvalForJob(jobId)).toMatchObject({ requested_by: "admin@tests.test", decided_by: SECOND });
    const again = await callRoute(approve, `${A}/x/approve`, { ...(await asSecondAdmin()), params: { id: request.id }, body: { reason: "again" } });
    expect(again.status).toBe(409);
    expect(again.json.error.message).toMatch(/already approved by second-admin/);
    expect(bulkPosts()).toHaveLength(1);
    const audit = (await auditList({ operation: "bulk_approval_approve", outcome: "succeeded", limit: 1 }))[0];
    expect(audit).toMatchObject({ email: SECOND, job_id: jobId });
  });

  it("rejects with a reason; a rejected request cannot be approved", async () => {
    const request = await requestRelease();
    const rejected = await callRoute(reject, `${A}/x/reject`, { ...(await asSecondAdmin()), params: { id: request.id }, body: { reason: "these are real threats" } });
    expect(rejected.status).toBe(200);
    expect(rejected.json.result).toMatchObject({ status: "rejected", decided_by: SECOND, decision_reason: "these are real threats", job_id: null });
    const late = await callRoute(approve, `${A}/x/approve`, { ...(await asSecondAdmin()), params: { id: request.id }, body: { reason: "oops" } });
    expect(late.status).toBe(409);
    expect(bulkPosts()).toHaveLength(0);
  });

  it("expires after 24 hours: shown as expired, not counted as pending, cannot be approved", async () => {
    const request = await requestRelease();
    const before = await callRoute(countApprovals, `${A}/count`);
    const pendingBefore = before.json.result.pending as number;
    expect(pendingBefore).toBeGreaterThan(0);
    const later = Date.now() + 24 * 3600 * 1000 + 1000;
    vi.spyOn(approvalClock, "now").mockReturnValue(later);
    const got = await callRoute(getApproval, `${A}/x`, { params: { id: request.id } });
    expect(got.json.result.status).toBe("expired");
    const after = await callRoute(countApprovals, `${A}/count`);
    expect(after.json.result.pending).toBeLessThan(pendingBefore);
    const pendingList = await callRoute(listApprovals, A, { query: "status=pending" });
    expect(pendingList.json.result.map((r: { id: string }) => r.id)).not.toContain(request.id);
    const late = await callRoute(approve, `${A}/x/approve`, { ...(await asSecondAdmin()), params: { id: request.id }, body: { reason: "late" } });
    expect(late.status).toBe(409);
    expect(late.json.error.message).toMatch(/expired/);
    expect(bulkPosts()).toHaveLength(0);
  });

  it("lists pending requests for admins, newest first", async () => {
    const first = await requestRelease();
    const second = await requestRelease({ final_disposition: "MALICIOUS", sender: fx.campaignSender });
    const list = await callRoute(listApprovals, A);
    expect(list.status).toBe(200);
    const ids = list.json.result.map((r: { id: string }) => r.id);
    expect(ids.indexOf(second.id)).toBeLessThan(ids.indexOf(first.id));
  });

  it("gives the job back to the queue when Cloudflare refuses it", async () => {
    const request = await requestRelease();
    sim.setFaults([{ match: "/bulk", method: "POST", status: 500, times: 1 }]);
    const failed = await callRoute(approve, `${A}/x/approve`, { ...(await asSecondAdmin()), params: { id: request.id }, body: { reason: "go" } });
    expect(failed.status).toBeGreaterThanOrEqual(500);
    const got = await callRoute(getApproval, `${A}/x`, { params: { id: request.id } });
    expect(got.json.result).toMatchObject({ status: "pending", decided_by: null, last_error: expect.any(String) });
  });
});

type Row = [name: string, call: () => ReturnType<typeof callRoute>, status: number, message: RegExp];

describe("an approval interrupted by a stopped console", () => {
  /** What an instance that stopped mid-approval leaves: the claim, and perhaps Cloudflare's job. */
  async function interrupt(requestId: string, options: { jobCreated: boolean }) {
    const claimed = await (await getApprovalStore()).claimForApproval({ id: requestId, by: SECOND, reason: "approved, then the console stopped", now: Date.now() });
    expect(claimed).toBe(true);
    if (!options.jobCreated) return null;
    const body = { action: "RELEASE" as const, search_params: { final_disposition: "MALICIOUS" as const }, comment: markedComment("false positives, ticket 42", requestId) };
    return (await createBulkJob(body)).job_id;
  }

  const listAll = async () =>
    (await callRoute(listApprovals, A, { query: "status=all" })).json.result as { id: string; status: string; job_id: string | null; last_error: string | null }[];

  const minutesLater = (minutes: number) => {
    resetRecoveryThrottle();
    vi.spyOn(approvalClock, "now").mockReturnValue(Date.now() + minutes * 60_000);
  };

  it("is left alone while the instance may still be finishing it", async () => {
    const request = await requestRelease();
    await interrupt(request.id, { jobCreated: false });
    minutesLater(1);
    expect((await listAll()).find((r) => r.id === request.id)).toMatchObject({ status: "approving" });
  });

  it("is finished with the job Cloudflare made for it, found by its mark, and no second job", async () => {
    const request = await requestRelease();
    const jobId = await interrupt(request.id, { jobCreated: true });
    const posts = bulkPosts().length;
    minutesLater(3);
    expect((await listAll()).find((r) => r.id === request.id)).toMatchObject({ status: "approved", job_id: jobId });
    expect(bulkPosts()).toHaveLength(posts);
  });

  it("waits again, saying why, when Cloudflare has no job from it; approving it then makes one job", async () => {
    const request = await requestRelease();
    await interrupt(request.id, { jobCreated: false });
    minutesLater(3);
    const recovered = (await listAll()).find((r) => r.id === request.id);
    expect(recovered).toMatchObject({ status: "pending", job_id: null, last_error: expect.stringMatching(/stopped before Cloudflare answered/) });
    expect(bulkPosts()).toHaveLength(0);
    vi.restoreAllMocks();
    const approved = await callRoute(approve, `${A}/x/approve`, { ...(await asSecondAdmin()), params: { id: request.id }, body: { reason: "still wanted" } });
    expect(approved.status).toBe(200);
    expect(bulkPosts()).toHaveLength(1);
  });

  it.each([
    ["another search", { action: "RELEASE" as const, search_params: { final_disposition: "MALICIOUS" as const, sender: "someone@else.test" } }],
    ["another action", { action: "MOVE" as const, destination: "Inbox" as const, search_params: { final_disposition: "MALICIOUS" as const } }],
  ])("is not tied to a job carrying its mark with %s (a forged or copied mark)", async (_name, forged) => {
    const request = await requestRelease();
    await interrupt(request.id, { jobCreated: false });
    await createBulkJob({ ...forged, comment: markedComment("look here", request.id) });
    minutesLater(3);
    expect((await listAll()).find((r) => r.id === request.id)).toMatchObject({ status: "pending", job_id: null });
  });

  it("is not tied to a matching job made before the claim", async () => {
    const request = await requestRelease();
    await createBulkJob({ action: "RELEASE", search_params: { final_disposition: "MALICIOUS" }, comment: markedComment(null, request.id) });
    const later = Date.now() + 5 * 60_000;
    expect(await (await getApprovalStore()).claimForApproval({ id: request.id, by: SECOND, reason: "late claim", now: later })).toBe(true);
    resetRecoveryThrottle();
    vi.spyOn(approvalClock, "now").mockReturnValue(later + 3 * 60_000);
    expect((await listAll()).find((r) => r.id === request.id)).toMatchObject({ status: "pending", job_id: null });
  });

  it("stays as it is when Cloudflare cannot be asked, and is recovered once it can", async () => {
    const request = await requestRelease();
    await interrupt(request.id, { jobCreated: false });
    minutesLater(3);
    sim.setFaults([{ match: "/bulk", method: "GET", status: 503, times: 5 }]);
    expect((await listAll()).find((r) => r.id === request.id)).toMatchObject({ status: "approving" });
    sim.clearFaults();
    minutesLater(4);
    expect((await listAll()).find((r) => r.id === request.id)).toMatchObject({ status: "pending" });
  });
});

describe("hostile and unauthorised requests", () => {
  const body = { reason: "fine" };
  const rows: Row[] = [
    ["an id that is not a UUID", () => callRoute(approve, `${A}/x/approve`, { params: { id: "../../bulk" }, body }), 400, /UUID/],
    ["an unknown request", () => callRoute(approve, `${A}/x/approve`, { params: { id: UNKNOWN }, body }), 404, /No such approval request/],
    ["no reason", () => callRoute(approve, `${A}/x/approve`, { params: { id: UNKNOWN }, body: {} }), 400, /reason/i],
    ["an empty reason", () => callRoute(reject, `${A}/x/reject`, { params: { id: UNKNOWN }, body: { reason: "   " } }), 400, /Give a reason/],
    ["a reason too long", () => callRoute(reject, `${A}/x/reject`, { params: { id: UNKNOWN }, body: { reason: "x".repeat(501) } }), 400, /at most 500/],
    ["a reason with control characters", () => callRoute(reject, `${A}/x/reject`, { params: { id: UNKNOWN }, body: { reason: "ok\u0000" } }), 400, /control characters/],
    ["an extra key (a forged approver)", () => callRoute(approve, `${A}/x/approve`, { params: { id: UNKNOWN }, body: { reason: "x", decided_by: "someone@else" } }), 400, /decided_by/],
    ["an unknown list filter", () => callRoute(listApprovals, A, { query: "status=mine" }), 400, /status/],
    ["an analyst approving", () => callRoute(approve, `${A}/x/approve`, { params: { id: UNKNOWN }, body, as: "analyst" }), 403, /admin role/],
    ["a viewer listing", () => callRoute(listApprovals, A, { as: "viewer" }), 403, /admin role/],
    ["no session", () => callRoute(countApprovals, `${A}/count`, { as: null }), 401, /Sign in/],
    ["a comment carrying the approval mark", () => callRoute(createJob, BULK, { body: { action: "MOVE", destination: "JunkEmail", search_params: { sender: "a@example.test" }, comment: `x [Triage approval ${UNKNOWN}]` } }), 400, /must not contain/],
    ["a comment carrying a spaced, lower-case mark", () => callRoute(createJob, BULK, { body: { action: "MOVE", destination: "JunkEmail", search_params: { sender: "a@example.test" }, comment: `[ triage  approval ${UNKNOWN}]` } }), 400, /must not contain/],
    ["a cross-site approve", () => callRoute(approve, `${A}/x/approve`, { params: { id: UNKNOWN }, body, headers: { origin: "https://evil.example" } }), 403, /cross-site/],
  ];
  it.each(rows)("%s", async (_name, call, status, message) => {
    const res = await call();
    expect(res.status).toBe(status);
    expect(res.json.error.message).toMatch(message);
    expect(bulkPosts()).toHaveLength(0);
  });
});
