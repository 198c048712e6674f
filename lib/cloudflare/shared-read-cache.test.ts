import { describe, expect, it, vi } from "vitest";
import { useOwnRedis } from "@/lib/testing/own-redis";

// Two ReadThrough objects on two Redis connections stand for two console instances.
process.env.READ_CACHE_MS = "60000";
process.env.UPSTREAM_READ_BUDGET = "100000";
delete process.env.REDIS_URL; // the budget stays in process here; the cache is what is under test

const { ReadThrough, neverCached } = await import("./read-through");

// A server of this file's own, since one test stops it.
const redis = useOwnRedis();

async function instances(): Promise<[InstanceType<typeof ReadThrough>, InstanceType<typeof ReadThrough>]> {
  return [new ReadThrough(await redis.connection()), new ReadThrough(await redis.connection())];
}

let accounts = 0;
/** A fresh account per test, so tests never see each other's answers. */
const account = () => `acct-${process.pid}-${++accounts}`;

/** An upstream stand-in that counts its calls and answers when told to. */
function upstream<T>(answer: () => T) {
  let calls = 0;
  let release: () => void = () => {};
  let gate: Promise<void> | null = null;
  return {
    calls: () => calls,
    hold() {
      gate = new Promise((resolve) => (release = resolve));
    },
    release: () => release(),
    load: async () => {
      calls++;
      if (gate) await gate;
      return answer();
    },
  };
}

describe("the read cache shared through Redis", () => {
  it("serves an answer one instance fetched to the other, with non-ASCII text intact", async () => {
    const [a, b] = await instances();
    const acct = account();
    const up = upstream(() => ({ result: [{ subject: "Счёт 🧾 à payer" }], unreadable: 0 }));
    const first = await a.read(acct, "message:1", up.load);
    const second = await b.read(acct, "message:1", up.load);
    expect(second).toEqual(first);
    expect(up.calls()).toBe(1);
  });

  it("makes one upstream call for identical reads arriving at both instances together", async () => {
    const [a, b] = await instances();
    const acct = account();
    const up = upstream(() => ({ n: 42 }));
    up.hold();
    const reads = [a.read(acct, "list:x", up.load), b.read(acct, "list:x", up.load), b.read(acct, "list:x", up.load)];
    await vi.waitFor(() => expect(up.calls()).toBe(1));
    up.release();
    expect(await Promise.all(reads)).toEqual([{ n: 42 }, { n: 42 }, { n: 42 }]);
    expect(up.calls()).toBe(1);
  });

  it("forgets every cached answer, on both instances, after a change through one", async () => {
    const [a, b] = await instances();
    const acct = account();
    let version = 1;
    const up = upstream(() => ({ version }));
    await b.read(acct, "message:2", up.load);
    version = 2;
    await a.afterWrite(acct);
    expect(await b.read(acct, "message:2", up.load)).toEqual({ version: 2 });
    expect(up.calls()).toBe(2);
  });

  it("does not keep an answer that was on its way back when a change happened", async () => {
    const [a, b] = await instances();
    const acct = account();
    let version = 1;
    const up = upstream(() => ({ version }));
    up.hold();
    const stale = a.read(acct, "message:3", up.load);
    await vi.waitFor(() => expect(up.calls()).toBe(1));
    await b.afterWrite(acct);
    version = 2;
    up.release();
    expect(await stale).toEqual({ version: 2 }); // answered after the change, but read before it
    const after = upstream(() => ({ version: 3 }));
    expect(await b.read(acct, "message:3", after.load)).toEqual({ version: 3 });
    expect(after.calls()).toBe(1);
  });

  it("lets a waiting instance ask itself when the answer is not one to keep", async () => {
    const [a, b] = await instances();
    const acct = account();
    const up = upstream(() => ({ pending: true }));
    up.hold();
    const notKept = (value: { pending: boolean }) => !value.pending;
    const first = a.read(acct, "list:pending", up.load, notKept);
    await vi.waitFor(() => expect(up.calls()).toBe(1));
    const second = b.read(acct, "list:pending", up.load, notKept);
    up.release();
    expect(await Promise.all([first, second])).toEqual([{ pending: true }, { pending: true }]);
    expect(up.calls()).toBe(2);
  });

  it("lets a waiting instance ask itself when the instance loading fails", async () => {
    const [a, b] = await instances();
    const acct = account();
    let fail = true;
    const up = upstream(() => {
      if (fail) throw new Error("upstream fell over");
      return { ok: true };
    });
    up.hold();
    const failing = a.read(acct, "message:4", up.load);
    await vi.waitFor(() => expect(up.calls()).toBe(1));
    const waiting = b.read(acct, "message:4", up.load);
    up.release();
    await expect(failing).rejects.toThrow("upstream fell over");
    fail = false;
    expect(await waiting).toEqual({ ok: true });
    expect(up.calls()).toBe(2);
  });

  it("never puts raw messages or screenshots in Redis, and no instance waits for another's", async () => {
    const [a, b] = await instances();
    const acct = account();
    const up = upstream(() => ({ raw: "From: x" }));
    up.hold();
    const reads = [a.read(acct, "raw:6", up.load, neverCached), b.read(acct, "raw:6", up.load, neverCached)];
    await vi.waitFor(() => expect(up.calls()).toBe(2));
    up.release();
    await Promise.all(reads);
    const probe = await redis.connection();
    expect(await probe.keys(`triage:reads:{${acct}}*`)).toEqual([]);
  });

  it("keeps search text out of Redis: keys are digests", async () => {
    const [a] = await instances();
    const acct = account();
    await a.read(acct, 'list:{"sender":"ceo@victim.test"}', async () => ({ n: 1 }));
    const probe = await redis.connection();
    const keys = await probe.keys(`triage:reads:{${acct}}*`);
    expect(keys.length).toBeGreaterThan(0);
    expect(keys.join(" ")).not.toContain("victim");
  });

  it("refuses reads with 503 rate state unavailable while Redis is down, without calling upstream", async () => {
    const connection = await redis.connection();
    const a = new ReadThrough(connection);
    const up = upstream(() => ({ n: 1 }));
    await redis.server().pause();
    try {
      await vi.waitFor(() => expect(connection.status).not.toBe("ready"), { timeout: 5000 });
      await expect(a.read(account(), "message:5", up.load)).rejects.toMatchObject({ code: "rate_state_unavailable", status: 503 });
      expect(up.calls()).toBe(0);
    } finally {
      await redis.server().restart();
    }
  });
});
