import { describe, expect, it } from "vitest";
import { entryFiles, overBudget, routeOf, type Budget } from "./first-load";

describe("routeOf", () => {
  it.each([
    ["(console)/messages/[id]", "/messages/[id]"],
    ["(console)/messages", "/messages"],
    ["signin", "/signin"],
    ["", "/"],
  ])("%s → %s", (dir, route) => {
    expect(routeOf(dir)).toBe(route);
  });
});

describe("entryFiles", () => {
  it("reads every segment's chunks once from a client reference manifest", () => {
    const source = `globalThis.__RSC_MANIFEST = globalThis.__RSC_MANIFEST || {};
globalThis.__RSC_MANIFEST["/(console)/messages/page"] = {"moduleLoading":{"prefix":""},"entryJSFiles":{"[project]/app/layout":["static/chunks/a.js","static/chunks/b.js"],"[project]/app/(console)/messages/page":["static/chunks/a.js","static/chunks/c.js"]}};`;
    expect(entryFiles(source)).toEqual(["static/chunks/a.js", "static/chunks/b.js", "static/chunks/c.js"]);
  });

  it("refuses what is not a manifest", () => {
    expect(() => entryFiles("export default 1")).toThrow(/not a client reference manifest/);
  });
});

describe("overBudget", () => {
  const budget: Budget = { recorded: "2026-12-07", bareKiB: 400, pagesKiB: { "/messages": 600, "/bulk": 500 } };
  const kib = (n: number) => n * 1024;

  it("allows growth up to 5% and refuses more", () => {
    expect(overBudget({ bareBytes: kib(400), pages: { "/messages": kib(630), "/bulk": kib(400) } }, budget)).toEqual([]);
    expect(overBudget({ bareBytes: kib(400), pages: { "/messages": kib(631), "/bulk": kib(500) } }, budget)).toEqual([
      "/messages: 631 KiB is more than 5% over its budget of 600 KiB",
    ]);
  });

  it("refuses a page with no budget, so a new page records one", () => {
    expect(overBudget({ bareBytes: kib(400), pages: { "/new": kib(10) } }, budget)).toEqual([
      "/new: 10 KiB has no budget in bench/first-load-budget.json (record one with --write)",
    ]);
  });
});
