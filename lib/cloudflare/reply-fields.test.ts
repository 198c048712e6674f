import { describe, expect, it } from "vitest";
import { createSimulator } from "@/lib/simulator";
import { objectSchema, readFast, type FieldTable } from "./reply-fields";
import { readList } from "./reply-shapes";
import { countingSkips } from "./reply-schemas";

const TABLE = {
  id: "id",
  name: "text",
  ok: "flag",
  tags: "texts",
  nested: { object: { a: "text", b: "flag" } },
} as const satisfies FieldTable;
const schema = objectSchema(TABLE);

/** The fast lane must give exactly what zod gives, or step aside. */
function expectSameAsZod(raw: unknown) {
  const fast = readFast(TABLE, raw);
  const slow = schema.safeParse(raw);
  if (fast !== undefined) {
    expect(slow.success).toBe(true);
    expect(JSON.stringify(fast)).toBe(JSON.stringify(slow.data));
  }
  return fast;
}

describe("the fast lane of reply entries", () => {
  it.each([
    [{ id: "m1", name: "x", ok: true, tags: ["a"], nested: { a: "y", b: false, extra: 1 }, extra: 2 }],
    [{ id: "m1" }],
    [{ id: "m1", name: null, ok: null, tags: null, nested: null }],
    [{ id: "m1", nested: {} }],
  ])("copies a well-formed entry as zod reads it: %j", (raw) => {
    expect(expectSameAsZod(raw)).toBeDefined();
  });

  it.each([
    [{ id: "" }],
    [{ name: "no id" }],
    [{ id: 5 }],
    [{ id: "m1", name: 5 }],
    [{ id: "m1", ok: "yes" }],
    [{ id: "m1", tags: ["a", 1] }],
    [{ id: "m1", tags: "a" }],
    [{ id: "m1", nested: [] }],
    [{ id: "m1", nested: { a: 1 } }],
    [null],
    [["m1"]],
    ["m1"],
  ])("leaves anything unusual to zod: %j", (raw) => {
    expect(expectSameAsZod(raw)).toBeUndefined();
  });

  it("reads the simulator's searches the same with and without it, variance mode included", async () => {
    const sim = createSimulator({ seed: 3 });
    const url = "http://sim.test/client/v4/accounts/0123456789abcdef0123456789abcdef/email-security/investigate?per_page=100&detections_only=false";
    let compared = 0;
    for (const variance of [null, { seed: 11 }, { seed: 12 }, { seed: 13 }]) {
      sim.setVariance(variance);
      const body = (await (await sim.handle(new Request(url, { headers: { authorization: "Bearer fake" } }))).json()) as { result?: unknown[] };
      const result = body.result ?? []; // a 202 (search still running) has none
      const fastRead = readList("messages", result);
      const zodRead = countingSkips((shapes) => result.map((raw) => shapes.message.safeParse(raw)));
      const zodRows = zodRead.value.filter((r) => r.success).map((r) => r.data);
      compared += fastRead.value.length;
      expect(JSON.stringify(fastRead.value)).toBe(JSON.stringify(zodRows));
      expect(fastRead.unreadable).toBe(result.length - zodRows.length);
    }
    expect(compared).toBeGreaterThan(100);
  });
});
