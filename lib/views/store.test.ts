import { describe, expect, it } from "vitest";
import { useStoreBackends } from "@/lib/testing/store-backends";
import { KyselySavedViewStore, ViewNameTaken, type NewSavedView } from "./store";

const { emptyDb } = useStoreBackends();

const T0 = Date.parse("2026-03-01T10:00:00.000Z");
let n = 0;
function view(overrides: Partial<NewSavedView> = {}): NewSavedView {
  n++;
  return {
    id: `00000000-0000-4000-8000-${String(n).padStart(12, "0")}`,
    owner: "ana@x.test",
    name: `View ${n}`,
    query: "final_disposition=MALICIOUS&range=7d",
    shared: false,
    now: T0,
    ...overrides,
  };
}

describe.each(["sqlite", "postgres"] as const)("SavedViewStore on %s", (engine) => {
  it("keeps a view as saved and reads it back", async () => {
    const store = new KyselySavedViewStore(await emptyDb(engine));
    const saved = await store.create(view({ id: "11111111-1111-4111-8111-111111111111", owner: "Ana@X.test", name: "Phish this week", shared: true }));
    expect(saved).toEqual({
      id: "11111111-1111-4111-8111-111111111111",
      name: "Phish this week",
      query: "final_disposition=MALICIOUS&range=7d",
      shared: true,
      owner: "ana@x.test",
      created_at: "2026-03-01T10:00:00.000Z",
      updated_at: "2026-03-01T10:00:00.000Z",
    });
    expect(await store.get(saved.id)).toEqual(saved);
    expect(await store.get("22222222-2222-4222-8222-222222222222")).toBeUndefined();
  });

  it("lists my views and everyone's shared ones by name, never another person's private one", async () => {
    const store = new KyselySavedViewStore(await emptyDb(engine));
    await store.create(view({ owner: "ana@x.test", name: "b mine" }));
    await store.create(view({ owner: "ana@x.test", name: "A mine, shared", shared: true }));
    await store.create(view({ owner: "bo@x.test", name: "c bo's shared", shared: true }));
    await store.create(view({ owner: "bo@x.test", name: "d bo's private" }));
    expect((await store.listVisibleTo("ANA@x.test")).map((v) => v.name)).toEqual(["A mine, shared", "b mine", "c bo's shared"]);
    expect((await store.listVisibleTo("bo@x.test")).map((v) => v.name)).toEqual(["A mine, shared", "c bo's shared", "d bo's private"]);
    expect(await store.countOwnedBy("bo@x.test")).toBe(2);
  });

  it("keeps one name per owner whatever its case, also when two saves race; others may reuse it", async () => {
    const store = new KyselySavedViewStore(await emptyDb(engine));
    await store.create(view({ name: "Delivered phish" }));
    await expect(store.create(view({ name: "delivered PHISH" }))).rejects.toBeInstanceOf(ViewNameTaken);
    await expect(store.create(view({ owner: "bo@x.test", name: "Delivered phish" }))).resolves.toMatchObject({ owner: "bo@x.test" });
    const race = await Promise.allSettled([store.create(view({ name: "Same" })), store.create(view({ name: "same" }))]);
    expect(race.map((r) => r.status).sort()).toEqual(["fulfilled", "rejected"]);
    expect((race.find((r) => r.status === "rejected") as PromiseRejectedResult).reason).toBeInstanceOf(ViewNameTaken);
  });

  it("renames, shares and deletes; a rename onto another of my names is refused", async () => {
    const store = new KyselySavedViewStore(await emptyDb(engine));
    const a = await store.create(view({ name: "First" }));
    await store.create(view({ name: "Second" }));
    const renamed = await store.update(a.id, { name: "Renamed", shared: true }, T0 + 60_000);
    expect(renamed).toMatchObject({ name: "Renamed", shared: true, created_at: "2026-03-01T10:00:00.000Z", updated_at: "2026-03-01T10:01:00.000Z" });
    await expect(store.update(a.id, { name: "second" }, T0)).rejects.toBeInstanceOf(ViewNameTaken);
    expect((await store.get(a.id))?.name).toBe("Renamed");
    expect(await store.update(a.id, { shared: false }, T0)).toMatchObject({ name: "Renamed", shared: false });
    expect(await store.delete(a.id)).toBe(true);
    expect(await store.delete(a.id)).toBe(false);
    expect(await store.get(a.id)).toBeUndefined();
  });
});
