import { afterEach, describe, expect, it, vi } from "vitest";
import { approvalClock } from "@/lib/approvals/clock";
import { resetRecoveryThrottle } from "@/lib/approvals/recovery";
import { getApprovalStore } from "@/lib/approvals/store";
import { listMessages, releaseMessages } from "@/lib/cloudflare";
import type { MessageSearch } from "@/lib/schemas/search";
import { auditList } from "@/lib/testing/audit";
import { callRoute, sessionCookie, type CallOptions } from "@/lib/testing/routes";
import { useDemoSimulator } from "@/lib/testing/simulator";
import { GET as getApproval } from "@/app/api/approvals/[id]/route";
import { POST as approve } from "@/app/api/approvals/[id]/approve/route";
import { GET as listApprovals } from "@/app/api/approvals/route";
import { POST as createJob } from "./bulk/route";
import { POST as release } from "./release/route";
import { POST as moveMany } from "./move/route";
import { POST as moveOne } from "./[id]/move/route";

// The release policy on every path that returns mail to a mailbox (lib/approvals/release-policy.ts).
process.env.RETURNS_PER_USER_HOUR = "5";
const { sim } = useDemoSimulator();

const SECOND_ADMIN = "second-admin@tests.test";
let people = 0;
/** A fresh analyst per test: the hourly allowance is per person. */
const analyst = async (): Promise<CallOptions> => ({ headers: { cookie: await sessionCookie("analyst", `analyst-${++people}@tests.test`) } });
const asSecondAdmin = async (): Promise<CallOptions> => ({ headers: { cookie: await sessionCookie("admin", SECOND_ADMIN) } });

const writes = (kind: "release" | "move") =>
  sim.calls().filter((c) => c.method === "POST" && (kind === "release" ? /\/investigate\/release$/ : /\/move$/).test(c.path));
const releasedIds = () => writes("release").flatMap((c) => (c.body as { ids: string[] }).ids);

const used = new Set<string>();
/** Messages nobody in this file has used yet: each test changes the ones it takes. */
async function take(search: MessageSearch, n: number): Promise<string[]> {
  const page = await listMessages({ start: "2026-01-01T00:00:00Z", ...search, per_page: 200 });
  const ids = page.result.map((m) => m.id).filter((id) => !used.has(id)).slice(0, n);
  expect(ids).toHaveLength(n);
  ids.forEach((id) => used.add(id));
  return ids;
}
const quarantinedMalicious = (n: number) => take({ delivery_status: "quarantined", final_disposition: "MALICIOUS" }, n);
const quarantinedSpam = (n: number) => take({ delivery_status: "quarantined", final_disposition: "SPAM" }, n);
const deliveredMalicious = (n: number) => take({ delivery_status: "delivered", final_disposition: "MALICIOUS" }, n);
const deliveredSpam = (n: number) => take({ delivery_status: "delivered", final_disposition: "SPAM" }, n);

afterEach(() => vi.restoreAllMocks());

describe("the release policy decides on the server, from Cloudflare's dispositions", () => {
  it("the issue's repro: an analyst releasing quarantined MALICIOUS mail gets a request, and nothing is released", async () => {
    const who = await analyst();
    const ids = await quarantinedMalicious(3);
    const res = await callRoute(release, "/api/email-security/investigate/release", { ...who, body: { ids } });
    expect(res.status).toBe(202);
    expect(res.json.result).toEqual([]);
    expect(res.json.approval).toMatchObject({ status: "pending", body: { action: "RELEASE", ids } });
    expect(res.json.approval.reasons.join(" ")).toMatch(/3 messages classified MALICIOUS or MALICIOUS-BEC/);
    expect(res.json.approval.sample.map((r: { final_disposition: string }) => r.final_disposition)).toEqual(["MALICIOUS", "MALICIOUS", "MALICIOUS"]);
    expect(writes("release")).toHaveLength(0);
    const audit = (await auditList({ operation: "return_approval_request", limit: 1 }))[0];
    expect(audit).toMatchObject({ outcome: "succeeded", message_ids: ids });
  });

  it("a mixed selection: the clean messages go now, exactly the malicious ones wait", async () => {
    const who = await analyst();
    const [bad] = await quarantinedMalicious(1);
    const clean = await quarantinedSpam(2);
    const res = await callRoute(release, "/api/email-security/investigate/release", { ...who, body: { ids: [clean[0], bad, clean[1]] } });
    expect(res.status).toBe(200);
    expect(res.json.result.map((r: { id: string }) => r.id)).toEqual(clean);
    expect(res.json.approval.body).toEqual({ action: "RELEASE", ids: [bad] });
    expect(releasedIds()).toEqual(clean);
    const audit = (await auditList({ operation: "release", limit: 1 }))[0];
    expect(audit?.message_ids).toEqual(clean);
  });

  it("a browser cannot vouch for a message: nothing it sends changes the verdict", async () => {
    const ids = await quarantinedMalicious(1);
    const res = await callRoute(release, "/api/email-security/investigate/release", { ...(await analyst()), body: { ids, final_disposition: "NONE" } });
    expect(res.status).toBe(400);
    expect(writes("release")).toHaveLength(0);
  });

  it.each([
    ["several messages (the list's selection)", "many"],
    ["one message (the message page)", "one"],
  ] as const)("a move to Inbox of MALICIOUS mail waits too: %s", async (_name, path) => {
    const who = await analyst();
    const [id] = await deliveredMalicious(1);
    const res =
      path === "many"
        ? await callRoute(moveMany, "/api/email-security/investigate/move", { ...who, body: { ids: [id], destination: "Inbox" } })
        : await callRoute(moveOne, "/api/email-security/investigate/x/move", { ...who, params: { id: id! }, body: { destination: "Inbox" } });
    expect(res.status).toBe(202);
    expect(res.json.approval.body).toEqual({ action: "MOVE", destination: "Inbox", ids: [id] });
    expect(writes("move")).toHaveLength(0);
  });

  it("a move anywhere but Inbox takes mail away from the user: not held, and nothing read to decide it", async () => {
    const who = await analyst();
    const [id] = await deliveredMalicious(1);
    sim.clearCalls();
    const res = await callRoute(moveOne, "/api/email-security/investigate/x/move", { ...who, params: { id: id! }, body: { destination: "JunkEmail" } });
    expect(res.status).toBe(200);
    expect(res.json.approval).toBeUndefined();
    expect(sim.calls().map((c) => c.method)).toEqual(["POST"]);
  });

  it("reads each message once to decide (what the decision costs)", async () => {
    const ids = await quarantinedSpam(2);
    sim.clearCalls();
    await callRoute(release, "/api/email-security/investigate/release", { ...(await analyst()), body: { ids } });
    const reads = sim.calls().filter((c) => c.method === "GET");
    expect(reads).toHaveLength(2);
  });

  it("a bulk move to Inbox that reaches malicious mail waits like a bulk release", async () => {
    const res = await callRoute(createJob, "/api/email-security/investigate/bulk", {
      body: { action: "MOVE", destination: "Inbox", search_params: { final_disposition: "MALICIOUS", delivery_status: "delivered" } },
    });
    expect(res.status).toBe(202);
    expect(res.json.result.approval.reasons.join(" ")).toMatch(/move to Inbox .*classified MALICIOUS/);
  });
});

describe("more than RETURNS_PER_USER_HOUR messages a person an hour", () => {
  it("lets the first ones go and sends the rest for approval", async () => {
    const who = await analyst();
    const ids = await quarantinedSpam(7);
    const res = await callRoute(release, "/api/email-security/investigate/release", { ...who, body: { ids } });
    expect(res.status).toBe(200);
    expect(releasedIds()).toEqual(ids.slice(0, 5));
    expect(res.json.approval.body.ids).toEqual(ids.slice(5));
    expect(res.json.approval.reasons.join(" ")).toMatch(/at most 5 messages an hour/);
    // The hour is spent: the next one waits without a read.
    sim.clearCalls();
    const [more] = await deliveredSpam(1);
    sim.clearCalls();
    const next = await callRoute(moveOne, "/api/email-security/investigate/x/move", { ...who, params: { id: more! }, body: { destination: "Inbox" } });
    expect(next.status).toBe(202);
    expect(sim.calls()).toHaveLength(0);
  });

  it("holds under parallel requests: of 12 at once, 5 go and 7 wait", async () => {
    const who = await analyst();
    const ids = await quarantinedSpam(12);
    const replies = await Promise.all(ids.map((id) => callRoute(release, "/api/email-security/investigate/release", { ...who, body: { ids: [id] } })));
    expect(replies.filter((r) => r.status === 200)).toHaveLength(5);
    expect(replies.filter((r) => r.status === 202)).toHaveLength(7);
    expect(releasedIds()).toHaveLength(5);
  });

  it("counts a bulk job's messages too: once the hour is spent, a small clean bulk release waits", async () => {
    const who = { headers: { cookie: await sessionCookie("admin", "bulk-admin@tests.test") } };
    const spent = await callRoute(release, "/api/email-security/investigate/release", { ...who, body: { ids: await quarantinedSpam(5) } });
    expect(spent.json.approval).toBeUndefined();
    const [next] = await quarantinedSpam(1);
    const sender = (await listMessages({ start: "2026-01-01T00:00:00Z", query: next! })).result.find((m) => m.id === next)?.from;
    expect(sender).toEqual(expect.any(String));
    const res = await callRoute(createJob, "/api/email-security/investigate/bulk", {
      ...who,
      body: { action: "RELEASE", search_params: { sender, delivery_status: "quarantined", final_disposition: "SPAM" } },
    });
    expect(res.status).toBe(202);
    expect(res.json.result.approval.reasons).toEqual([expect.stringMatching(/at most 5 messages an hour/)]);
  });
});

describe("carrying out an approved request for exact messages", () => {
  async function heldRelease() {
    const ids = await quarantinedMalicious(2);
    const res = await callRoute(release, "/api/email-security/investigate/release", { ...(await analyst()), body: { ids } });
    expect(res.status).toBe(202);
    return { ids, request: res.json.approval as { id: string; requested_by: string } };
  }

  it("releases exactly the ids approved, once, and records each one's outcome", async () => {
    const { ids, request } = await heldRelease();
    const second = await asSecondAdmin();
    const [a, b] = await Promise.all([
      callRoute(approve, "/api/approvals/x/approve", { ...second, params: { id: request.id }, body: { reason: "confirmed false positives" } }),
      callRoute(approve, "/api/approvals/x/approve", { ...second, params: { id: request.id }, body: { reason: "double click" } }),
    ]);
    expect([a.status, b.status].sort()).toEqual([200, 409]);
    expect(writes("release")).toHaveLength(1);
    expect(releasedIds()).toEqual(ids);
    const approved = (a.status === 200 ? a : b).json.result;
    expect(approved).toMatchObject({ status: "approved", decided_by: SECOND_ADMIN, job_id: null });
    expect(approved.sample.map((r: { outcome: { ok: boolean } }) => r.outcome.ok)).toEqual([true, true]);
    const audit = (await auditList({ operation: "release", limit: 1 }))[0];
    expect(audit).toMatchObject({ email: SECOND_ADMIN, message_ids: ids, outcome: "succeeded", params: { approval_request: request.id, requested_by: request.requested_by } });
  });

  it("the requester may follow it; another analyst and a viewer may not read it", async () => {
    const ids = await quarantinedMalicious(1);
    const who = await analyst();
    const res = await callRoute(release, "/api/email-security/investigate/release", { ...who, body: { ids } });
    const id = res.json.approval.id as string;
    expect((await callRoute(getApproval, "/api/approvals/x", { ...who, params: { id } })).status).toBe(200);
    expect((await callRoute(getApproval, "/api/approvals/x", { ...(await analyst()), params: { id } })).status).toBe(403);
    expect((await callRoute(getApproval, "/api/approvals/x", { as: "viewer", params: { id } })).status).toBe(403);
    expect((await callRoute(approve, "/api/approvals/x/approve", { ...who, params: { id }, body: { reason: "mine" } })).status).toBe(403);
  });

  describe("after a console stopped mid-approval", () => {
    const listAll = async () => (await callRoute(listApprovals, "/api/approvals", { query: "status=all" })).json.result as { id: string; status: string; sample: { outcome?: { ok: boolean } }[]; last_error: string | null }[];
    const minutesLater = (minutes: number) => {
      resetRecoveryThrottle();
      vi.spyOn(approvalClock, "now").mockReturnValue(Date.now() + minutes * 60_000);
    };

    it("is settled as done from the messages' action logs, without releasing again", async () => {
      const { ids, request } = await heldRelease();
      expect(await (await getApprovalStore()).claimForApproval({ id: request.id, by: SECOND_ADMIN, reason: "go", now: Date.now() })).toBe(true);
      await releaseMessages({ ids }); // the call went through; the console stopped before recording it
      const calls = writes("release").length;
      minutesLater(3);
      const recovered = (await listAll()).find((r) => r.id === request.id);
      expect(recovered?.status).toBe("approved");
      expect(recovered?.sample.map((r) => r.outcome?.ok)).toEqual([true, true]);
      expect(writes("release")).toHaveLength(calls);
    });

    it("waits again when no message shows the release", async () => {
      const { request } = await heldRelease();
      await (await getApprovalStore()).claimForApproval({ id: request.id, by: SECOND_ADMIN, reason: "go", now: Date.now() });
      minutesLater(3);
      expect((await listAll()).find((r) => r.id === request.id)).toMatchObject({ status: "pending", last_error: expect.stringMatching(/stopped before Cloudflare answered/) });
      expect(writes("release")).toHaveLength(0);
    });
  });
});
