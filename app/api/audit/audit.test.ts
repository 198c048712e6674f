import { beforeAll, describe, expect, it } from "vitest";
import { getAuditStore } from "@/lib/audit/store";
import { auditList, auditRecord } from "@/lib/testing/audit";
import { callRoute } from "@/lib/testing/routes";
import { GET as exportAudit } from "./export/route";
import { GET as messageAudit } from "./messages/[id]/route";
import { GET as listAudit } from "./route";

delete process.env.CLOUDFLARE_API_TOKEN;
process.env.DATABASE_URL = ":memory:";

beforeAll(async () => {
  const store = await getAuditStore();
  const a = await store.begin({ email: "ana@x.test", role: "analyst", operation: "move", messageIds: ["msg-1"], destination: "JunkEmail", ip: "192.0.2.1", userAgent: "ua" });
  await store.complete(a, "succeeded", 200, [{ success: true }]);
  const b = await store.begin({ email: "=cmd|' /C calc'!A0@x.test", role: "admin", operation: "release", messageIds: ["msg-2"] });
  await store.complete(b, "failed", 502, { error: "Cloudflare had a problem" });
});

describe("audit routes", () => {
  it.each([
    [null, 401],
    ["viewer", 403],
    ["analyst", 403],
    ["admin", 200],
  ] as const)("listing the trail as %s → %i", async (as, status) => {
    const res = await callRoute(listAudit, "/api/audit", { as });
    expect(res.status).toBe(status);
  });

  it("filters by user and outcome and pages", async () => {
    const res = await callRoute(listAudit, "/api/audit", { query: "email=ana@x.test&outcome=succeeded&per_page=1" });
    expect(res.json.result).toHaveLength(1);
    expect(res.json.result[0]).toMatchObject({ email: "ana@x.test", operation: "move", destination: "JunkEmail" });
    expect(res.json.result_info).toMatchObject({ page: 1, per_page: 1, has_more: false });
  });

  it("refuses bad filters", async () => {
    const res = await callRoute(listAudit, "/api/audit", { query: "operation=drop_table" });
    expect(res.status).toBe(400);
    expect(res.json.error.fields.operation).toBeTruthy();
  });

  it("shows a message's records to any reader, without where they worked from unless admin", async () => {
    const viewer = await callRoute(messageAudit, "/x", { params: { id: "msg-1" }, as: "viewer" });
    expect(viewer.status).toBe(200);
    expect(viewer.json.result[0]).toMatchObject({ email: "ana@x.test", operation: "move" });
    expect(viewer.json.result[0]).not.toHaveProperty("ip");
    const admin = await callRoute(messageAudit, "/x", { params: { id: "msg-1" } });
    expect(admin.json.result[0].ip).toBe("192.0.2.1");
  });

  it("keeps who read a message's raw source out of a non-admin's Action log; an admin sees every entry", async () => {
    (await auditRecord({ email: "reader@x.test", role: "viewer", operation: "raw_download", messageIds: ["msg-1"], outcome: "succeeded", status: 200 }));
    const analyst = await callRoute(messageAudit, "/x", { params: { id: "msg-1" }, as: "analyst" });
    expect(analyst.json.result.map((r: { operation: string }) => r.operation)).toEqual(["move"]);
    const admin = await callRoute(messageAudit, "/x", { params: { id: "msg-1" } });
    expect(admin.json.result.map((r: { operation: string }) => r.operation)).toEqual(["raw_download", "move"]);
    expect((await auditList({ messageId: "msg-1", operation: "raw_download" }))).toHaveLength(1);
  });

  it("exports CSV with formula cells neutralised", async () => {
    const res = await callRoute(exportAudit, "/api/audit/export");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toContain("text/csv");
    expect(res.headers.get("content-disposition")).toMatch(/attachment; filename="triage-audit-/);
    const [header, ...lines] = res.text.trim().split("\r\n");
    expect(header).toMatch(/^"id","started_at","completed_at","email","role","operation"/);
    // The two seeded changes (the role refusals of the tests above are in the trail too).
    expect(lines.filter((line) => /,"(move|release)",/.test(line))).toHaveLength(2);
    expect(res.text).toContain(`"'=cmd|' /C calc'!A0@x.test"`);
    expect(res.text).not.toMatch(/(^|,)"?=cmd/m);
  });

  it("records each export, with its filter and how many rows left", async () => {
    const res = await callRoute(exportAudit, "/api/audit/export", { query: "email=ana@x.test" });
    expect(res.status).toBe(200);
    expect((await auditList({ operation: "audit_export" }))[0]).toMatchObject({
      email: "admin@tests.test",
      outcome: "succeeded",
      params: { email: "ana@x.test" },
      result: { rows: 1 },
    });
  });

  it("export is admin-only", async () => {
    expect((await callRoute(exportAudit, "/api/audit/export", { as: "analyst" })).status).toBe(403);
  });
});
