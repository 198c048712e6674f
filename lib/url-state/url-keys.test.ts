import { describe, expect, it } from "vitest";
import { z } from "zod";
import { canonicalKeyOrder } from "./key-order";
import { asTyped, defineUrlKeys } from "./url-keys";

const colour = z.enum(["red", "green"], { message: "Colour must be red or green" });
const count = z
  .string()
  .regex(/^\d+$/, "Count must be a whole number")
  .transform(Number)
  .pipe(z.number().max(10, "Count must be at most 10"));
const keys = defineUrlKeys(
  {
    colour: { schema: colour, label: "Colour" },
    count: { schema: count, label: "Count" },
    tags: { schema: z.string().transform((v) => v.split(",")), serialize: (v: string[]) => v.join(",") },
  },
  (v, fail) => {
    if (v.colour === "green" && v.count !== undefined) fail("count", "Green takes no count");
  },
);

describe("defineUrlKeys", () => {
  it("reads every key into its typed value and writes it back in the definition's order", () => {
    const read = keys.read(new URLSearchParams("tags=a,b&count=3&colour=red"));
    expect(read.values).toEqual({ colour: "red", count: 3, tags: ["a", "b"] });
    expect(read.errors).toEqual({});
    expect(keys.serialize(read.values)).toBe("colour=red&count=3&tags=a,b");
    expect(keys.read(new URLSearchParams(keys.serialize(read.values))).values).toEqual(read.values);
  });

  it.each([
    ["colour=blue", "colour", "Colour must be red or green"],
    ["count=x", "count", "Count must be a whole number"],
    ["count=11", "count", "Count must be at most 10"],
    ["colour=red&colour=green", "colour", "Colour is given more than once"],
    ["colour=green&count=2", "count", "Green takes no count"],
  ])("drops a bad value and says why next to its key: %s", (qs, key, message) => {
    const read = keys.read(new URLSearchParams(qs));
    expect(read.errors).toEqual({ [key]: message });
    expect(read.values).not.toHaveProperty(key);
  });

  it("keeps the bad value as it was typed, so the form can show it", () => {
    const read = keys.read(new URLSearchParams("colour=blue&count=4"));
    expect(read.raw).toEqual({ colour: "blue", count: "4" });
    expect(read.values).toEqual({ count: 4 });
  });

  it("treats an empty value as not set and names unknown keys", () => {
    const read = keys.read({ colour: " ", zzz: "1", other: ["a", "b"] });
    expect(read.values).toEqual({});
    expect(read.errors).toEqual({});
    expect(read.unknownKeys).toEqual(["zzz", "other"]);
  });

  it("gives nuqs parsers that answer null for what the schema refuses", () => {
    expect(keys.parsers.count.parse("7")).toBe(7);
    expect(keys.parsers.count.parse("70")).toBeNull();
    expect(keys.parsers.colour.parse("blue")).toBeNull();
    expect(keys.parsers.tags.serialize(["x", "y"])).toBe("x,y");
  });

  it("writes a value as typed when asked, for the reader to report", () => {
    const qs = keys.serialize({ colour: asTyped("blue"), count: 2 });
    expect(qs).toBe("colour=blue&count=2");
    expect(keys.read(new URLSearchParams(qs)).errors).toEqual({ colour: "Colour must be red or green" });
  });

  it("makes a full update: every key, null where no value is given", () => {
    expect(keys.update({ count: 1 })).toEqual({ colour: null, count: 1, tags: null });
    expect(keys.serialize({})).toBe("");
  });
});

describe("canonicalKeyOrder", () => {
  it("puts a page's keys in the order its links have always had, unknown ones last", () => {
    const order = (qs: string) => canonicalKeyOrder(new URLSearchParams(qs)).toString();
    expect(order("range=7d&zzz=1&final_disposition=SPAM&sender=a")).toBe("sender=a&final_disposition=SPAM&range=7d&zzz=1");
    expect(order("cursor=c2&prev=c1&per_page=25&sort=-subject")).toBe("sort=-subject&per_page=25&prev=c1&cursor=c2");
    expect(order("page=2&action_type=MOVE&status=DONE")).toBe("status=DONE&action_type=MOVE&page=2");
    expect(order("list=x&tab=trace")).toBe("tab=trace&list=x");
    expect(order("page=3&end=b&start=a&outcome=ok&operation=move&email=e")).toBe("email=e&operation=move&outcome=ok&start=a&end=b&page=3");
  });
});
