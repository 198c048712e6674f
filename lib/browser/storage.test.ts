import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { readStored, writeStored } from "./storage";

class MemoryStorage {
  private items = new Map<string, string>();
  getItem(k: string) {
    return this.items.get(k) ?? null;
  }
  setItem(k: string, v: string) {
    this.items.set(k, v);
  }
}

const schema = z.record(z.string(), z.boolean());

describe("stored values", () => {
  beforeEach(() => {
    vi.stubGlobal("window", { localStorage: new MemoryStorage(), sessionStorage: new MemoryStorage() });
  });
  afterEach(() => vi.unstubAllGlobals());

  it("round-trips a valid value", () => {
    writeStored("local", "k", { subject: false });
    expect(readStored("local", "k", schema)).toEqual({ subject: false });
    expect(readStored("session", "k", schema)).toBeUndefined();
  });

  it("ignores malformed or tampered entries", () => {
    window.localStorage.setItem("bad-json", "{");
    window.localStorage.setItem("bad-shape", JSON.stringify({ subject: "yes" }));
    expect(readStored("local", "bad-json", schema)).toBeUndefined();
    expect(readStored("local", "bad-shape", schema)).toBeUndefined();
  });

  it("does nothing without a window", () => {
    vi.unstubAllGlobals();
    expect(() => writeStored("local", "k", 1)).not.toThrow();
    expect(readStored("local", "k", schema)).toBeUndefined();
  });
});
