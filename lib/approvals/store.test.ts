import { describe, expect, it } from "vitest";
import { useStoreBackends } from "@/lib/testing/store-backends";
import { KyselyApprovalStore, type NewApprovalRequest } from "./store";

const { emptyDb } = useStoreBackends();

const T0 = Date.parse("2026-03-01T10:00:00.000Z");
const HOUR = 3600 * 1000;

function request(id: string, overrides: Partial<NewApprovalRequest> = {}): NewApprovalRequest {
  return {
    id,
    createdAt: T0,
    expiresAt: T0 + 24 * HOUR,
    requestedBy: "asker@x.test",
    body: { action: "RELEASE", search_params: { final_disposition: "MALICIOUS" }, comment: "ticket 42" },
    reasons: ["a release of mail classified MALICIOUS"],
    sample: [{ id: "m1", from: "a@x.test", to: "b@x.test", subject: "hi", final_disposition: "MALICIOUS", received_at: null }],
    matched: 3,
    matchedMore: false,
    ...overrides,
  };
}

describe.each(["sqlite", "postgres"] as const)("ApprovalStore on %s", (engine) => {
  it("keeps the exact job, sample and times, and reads a pending request past its expiry as expired", async () => {
    const store = new KyselyApprovalStore(await emptyDb(engine));
    await store.create(request("r1", { matchedMore: true }));
    const got = await store.get("r1", T0 + HOUR);
    expect(got).toMatchObject({
      id: "r1",
      created_at: "2026-03-01T10:00:00.000Z",
      expires_at: "2026-03-02T10:00:00.000Z",
      requested_by: "asker@x.test",
      body: { action: "RELEASE", comment: "ticket 42" },
      reasons: ["a release of mail classified MALICIOUS"],
      matched: 3,
      matched_more: true,
      status: "pending",
      decided_by: null,
      job_id: null,
    });
    expect(got?.sample[0]?.id).toBe("m1");
    expect((await store.get("r1", T0 + 25 * HOUR))?.status).toBe("expired");
    expect(await store.get("nope", T0)).toBeUndefined();
  });

  it("lists pending and decided requests newest first and counts only the waiting ones", async () => {
    const store = new KyselyApprovalStore(await emptyDb(engine));
    await store.create(request("old", { createdAt: T0 - 30 * HOUR, expiresAt: T0 - 6 * HOUR }));
    await store.create(request("a", { createdAt: T0 }));
    await store.create(request("b", { createdAt: T0 + 1000 }));
    await store.create(request("c", { createdAt: T0 + 2000 }));
    expect(await store.reject({ id: "c", by: "other@x.test", reason: "no", now: T0 + 3000 })).toBe(true);
    const now = T0 + HOUR;
    expect((await store.list({ status: "pending" }, now)).map((r) => r.id)).toEqual(["b", "a"]);
    expect((await store.list({ status: "decided" }, now)).map((r) => r.id)).toEqual(["c", "old"]);
    expect((await store.list({ status: "all" }, now)).map((r) => r.id)).toEqual(["c", "b", "a", "old"]);
    expect(await store.countPending(now)).toBe(2);
  });

  it("lets exactly one of two simultaneous approvers claim a request, never the requester", async () => {
    const store = new KyselyApprovalStore(await emptyDb(engine));
    await store.create(request("r1"));
    expect(await store.claimForApproval({ id: "r1", by: "asker@x.test", reason: "mine", now: T0 })).toBe(false);
    const claims = await Promise.all([
      store.claimForApproval({ id: "r1", by: "b@x.test", reason: "ok", now: T0 }),
      store.claimForApproval({ id: "r1", by: "c@x.test", reason: "ok too", now: T0 }),
    ]);
    expect(claims.filter(Boolean)).toHaveLength(1);
    expect(await store.reject({ id: "r1", by: "d@x.test", reason: "late", now: T0 })).toBe(false);
    await store.completeApproval("r1", "job-1", T0 + 1000);
    expect(await store.forJob("job-1", T0)).toMatchObject({ id: "r1", status: "approved", decision_reason: expect.stringMatching(/^ok/) });
  });

  it("lists only requests claimed for approval at or before a time and never finished", async () => {
    const store = new KyselyApprovalStore(await emptyDb(engine));
    for (const id of ["old", "recent", "done", "waiting"]) await store.create(request(id));
    expect(await store.claimForApproval({ id: "old", by: "second@x.test", reason: "ok", now: T0 + HOUR })).toBe(true);
    expect(await store.claimForApproval({ id: "recent", by: "second@x.test", reason: "ok", now: T0 + 2 * HOUR })).toBe(true);
    expect(await store.claimForApproval({ id: "done", by: "second@x.test", reason: "ok", now: T0 + HOUR })).toBe(true);
    await store.completeApproval("done", "job-1", T0 + HOUR);
    const stuck = await store.listApproving(T0 + HOUR, T0 + 3 * HOUR);
    expect(stuck.map((r) => r.id)).toEqual(["old"]);
    expect(stuck[0]).toMatchObject({ status: "approving", decided_by: "second@x.test" });
  });

  it("puts a request Cloudflare refused back to pending with the refusal, and refuses an expired one", async () => {
    const store = new KyselyApprovalStore(await emptyDb(engine));
    await store.create(request("r1"));
    expect(await store.claimForApproval({ id: "r1", by: "b@x.test", reason: "ok", now: T0 })).toBe(true);
    await store.abandonApproval("r1", "upstream said no");
    expect(await store.get("r1", T0)).toMatchObject({ status: "pending", decided_by: null, last_error: "upstream said no" });
    expect(await store.countPending(T0)).toBe(1);
    const late = T0 + 24 * HOUR;
    expect(await store.claimForApproval({ id: "r1", by: "b@x.test", reason: "ok", now: late })).toBe(false);
    expect(await store.reject({ id: "r1", by: "b@x.test", reason: "no", now: late })).toBe(false);
  });
});
