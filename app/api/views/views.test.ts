import { describe, expect, it } from "vitest";
import type { Role } from "@/lib/auth/roles";
import { auditList } from "@/lib/testing/audit";
import { callRoute, sessionCookie } from "@/lib/testing/routes";
import { GET as listViews, POST as createView } from "./route";
import { DELETE as deleteView, PATCH as updateView } from "./[id]/route";

let people = 0;
/** A fresh person per test, so names and lists never collide between tests. */
async function person(role: Role) {
  const email = `${role}-${++people}@views.test`;
  const headers = { cookie: await sessionCookie(role, email) };
  return {
    email,
    list: async () => (await callRoute(listViews, "/api/views", { headers })).json.result as { id: string; name: string; owner: string; shared: boolean; query: string }[],
    save: (body: unknown) => callRoute(createView, "/api/views", { headers, body }),
    update: (id: string, body: unknown) => callRoute(updateView, `/api/views/${id}`, { headers, params: { id }, body, method: "PATCH" }),
    remove: (id: string) => callRoute(deleteView, `/api/views/${id}`, { headers, params: { id }, method: "DELETE" }),
  };
}

describe("saving a view", () => {
  it("stores the search in its canonical form, at its first page, with the relative range kept", async () => {
    const ana = await person("viewer");
    const res = await ana.save({ name: "  Lottery phish  ", query: "?range=7d&final_disposition=MALICIOUS&sender=lucky-lottery.example&cursor=abc&prev=xyz" });
    expect(res.status).toBe(201);
    expect(res.json.result).toMatchObject({
      name: "Lottery phish",
      query: "sender=lucky-lottery.example&final_disposition=MALICIOUS&range=7d",
      shared: false,
      owner: ana.email,
    });
    const audit = (await auditList({ operation: "view_create", email: ana.email }))[0];
    expect(audit).toMatchObject({ outcome: "succeeded", params: { name: "Lottery phish", shared: false } });
  });

  it.each([
    ["an illegal value", { name: "x", query: "final_disposition=EVIL" }, /query.*Disposition/],
    ["an unknown parameter", { name: "x", query: "sender=a.example&colour=red" }, /Unknown search parameters: colour/],
    ["a bulk-only filter", { name: "x", query: "exact_subject=Invoice" }, /Exact subject can only be used by bulk jobs/],
    ["an empty name", { name: "   ", query: "" }, /name: Name the view/],
    ["a name over 80 characters", { name: "n".repeat(81), query: "" }, /name: A view name is at most 80/],
    ["a name with a right-to-left override", { name: "evil\u202Egnp.exe", query: "" }, /invisible formatting/],
    ["an unknown body field", { name: "x", query: "", owner: "someone@else.test" }, /Unknown field "owner"/],
  ])("refuses %s (400, nothing stored)", async (_what, body, message) => {
    const ana = await person("analyst");
    const res = await ana.save(body);
    expect(res.status).toBe(400);
    expect(res.json.error.message).toMatch(message);
    expect(await ana.list()).toEqual([]);
  });

  it("keeps one name per person (409 naming it), and another person may use the same name", async () => {
    const ana = await person("analyst");
    const bo = await person("analyst");
    expect((await ana.save({ name: "Spoofs", query: "final_disposition=SPOOF" })).status).toBe(201);
    const again = await ana.save({ name: "spoofs", query: "final_disposition=SPOOF&range=24h" });
    expect(again.status).toBe(409);
    expect(again.json.error.message).toMatch(/already have a view named "spoofs"/);
    expect((await bo.save({ name: "Spoofs", query: "" })).status).toBe(201);
  });

  it("is refused from another site and without a session", async () => {
    const ana = await person("analyst");
    const cookie = await sessionCookie("analyst", ana.email);
    const cross = await callRoute(createView, "/api/views", { headers: { cookie, origin: "https://evil.example" }, body: { name: "x", query: "" } });
    expect(cross.status).toBe(403);
    const anonymous = await callRoute(createView, "/api/views", { as: null, body: { name: "x", query: "" } });
    expect(anonymous.status).toBe(401);
    expect(await ana.list()).toEqual([]);
  });
});

describe("sharing", () => {
  it("shows a shared view to everyone and a private one only to its owner", async () => {
    const ana = await person("analyst");
    const bo = await person("viewer");
    const shared = (await ana.save({ name: "Team: delivered spoofs", query: "delivery_status=delivered&final_disposition=SPOOF", shared: true })).json.result;
    const mine = (await ana.save({ name: "My scratch", query: "sender=x.example" })).json.result;
    expect((await ana.list()).map((v) => v.name)).toEqual(expect.arrayContaining(["Team: delivered spoofs", "My scratch"]));
    const seen = await bo.list();
    expect(seen.map((v) => v.id)).toContain(shared.id);
    expect(seen.map((v) => v.id)).not.toContain(mine.id);
    // Another person's private view does not exist for them, even by id.
    expect((await bo.update(mine.id, { name: "taken over" })).status).toBe(404);
    expect((await bo.remove(mine.id)).status).toBe(404);
  });

  it("needs the analyst role to share; a viewer keeps private views", async () => {
    const viewer = await person("viewer");
    const refused = await viewer.save({ name: "For everyone", query: "", shared: true });
    expect(refused.status).toBe(403);
    expect(refused.json.error.message).toMatch(/Sharing with the team needs the analyst role/);
    const own = (await viewer.save({ name: "For me", query: "" })).json.result;
    expect((await viewer.update(own.id, { shared: true })).status).toBe(403);
    expect((await viewer.list()).map((v) => v.name)).toEqual(expect.arrayContaining(["For me"]));
    expect((await auditList({ operation: "view_create", email: viewer.email, outcome: "failed" }))[0]?.upstream_status).toBe(403);
  });
});

describe("renaming and deleting", () => {
  it("lets only the owner rename or unshare, and audits it", async () => {
    const ana = await person("analyst");
    const other = await person("admin");
    const view = (await ana.save({ name: "Old name", query: "range=24h", shared: true })).json.result;
    const renamed = await ana.update(view.id, { name: "New name", shared: false });
    expect(renamed.status).toBe(200);
    expect(renamed.json.result).toMatchObject({ name: "New name", shared: false, query: "range=24h" });
    await ana.update(view.id, { shared: true });
    const foreign = await other.update(view.id, { name: "Hijacked" });
    expect(foreign.status).toBe(403);
    expect(foreign.json.error.message).toMatch(new RegExp(`Only ${ana.email}`));
    expect((await auditList({ operation: "view_update", email: ana.email }))[0]).toMatchObject({ outcome: "succeeded", params: { view_id: view.id, shared: true } });
  });

  it("lets the owner delete, an admin delete a shared view, and nobody else", async () => {
    const ana = await person("analyst");
    const bo = await person("analyst");
    const admin = await person("admin");
    const a = (await ana.save({ name: "One", query: "", shared: true })).json.result;
    const b = (await ana.save({ name: "Two", query: "range=30d", shared: true })).json.result;
    expect((await bo.remove(a.id)).status).toBe(403);
    expect((await ana.remove(a.id)).status).toBe(200);
    const byAdmin = await admin.remove(b.id);
    expect(byAdmin.status).toBe(200);
    expect(byAdmin.json.result).toMatchObject({ name: "Two", owner: ana.email });
    expect((await ana.list()).map((v) => v.id)).not.toEqual(expect.arrayContaining([a.id, b.id]));
    expect((await ana.remove(a.id)).status).toBe(404);
    expect((await auditList({ operation: "view_delete", email: admin.email }))[0]).toMatchObject({ outcome: "succeeded", params: { view_id: b.id } });
  });

  it("refuses a malformed id with 400", async () => {
    const ana = await person("analyst");
    const res = await ana.remove("not-a-uuid");
    expect(res.status).toBe(400);
  });
});
