import "server-only";
import { randomUUID } from "node:crypto";
import type Redis from "ioredis";
import { escapeNonAscii } from "@/lib/json/ascii";
import { jsonBytes } from "@/lib/json/bytes";
import { redisKeyDigest } from "@/lib/rate-state";

// The read cache and the coalescing of identical reads when instances share Redis (REDIS_URL).
//
// Keys, per account (one hash tag, so one Redis Cluster slot):
//   triage:reads:{acct}:gen                  the account's generation, raised by every change
//   triage:reads:{acct}:gen:<n>:<digest>       a recent answer, as ASCII JSON, for READ_CACHE_MS
//   triage:reads:{acct}:gen:<n>:<digest>:load  "an instance is asking Cloudflare for this now"
//
// An answer is filed under the generation that was current when its read began, so a change
// (which raises the generation) makes every earlier answer unreachable at once, on every
// instance, including answers still on their way back. Reading the generation and the answer is
// one script, so there is no moment where an instance sees a new generation with an old answer.

const LOOKUP_SCRIPT = `
local generation = redis.call('GET', KEYS[1]) or '0'
return {generation, redis.call('GET', KEYS[1] .. ':' .. generation .. ':' .. ARGV[1])}`;

/** Deletes the loading mark only if it is still ours (it may have expired and been taken since). */
const RELEASE_SCRIPT = `
if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
return 0`;

type ScriptedRedis = Redis & {
  triageReadLookup(generationKey: string, digest: string): Promise<[string, string | null]>;
  triageReadRelease(loadingKey: string, token: string): Promise<number>;
};

/** How often an instance waiting for another's answer looks again. */
const POLL_MS = 25;

export interface Lookup {
  generation: string;
  /** The cached answer, when there is one. */
  value?: unknown;
}

export class SharedReadCache {
  private readonly redis: ScriptedRedis;

  constructor(redis: Redis) {
    this.redis = redis as ScriptedRedis;
    if (typeof this.redis.triageReadLookup !== "function") {
      redis.defineCommand("triageReadLookup", { numberOfKeys: 1, lua: LOOKUP_SCRIPT });
      redis.defineCommand("triageReadRelease", { numberOfKeys: 1, lua: RELEASE_SCRIPT });
    }
  }

  async lookup(accountId: string, key: string): Promise<Lookup> {
    const [generation, text] = await this.redis.triageReadLookup(generationKey(accountId), redisKeyDigest(key));
    return text === null ? { generation } : { generation, value: JSON.parse(text) };
  }

  /** Marks this read as being loaded; a token when this caller should ask Cloudflare, null when another is. */
  async claim(accountId: string, generation: string, key: string, forMs: number): Promise<string | null> {
    const token = randomUUID();
    const set = await this.redis.set(loadingKey(accountId, generation, key), token, "PX", forMs, "NX");
    return set === "OK" ? token : null;
  }

  /** Keeps an answer for `ttlMs`, unless it is over `maxBytes` (it would crowd out everything else for a moment's reuse). */
  async store(accountId: string, generation: string, key: string, value: unknown, options: { ttlMs: number; maxBytes: number }): Promise<void> {
    // ASCII, so reading it back decodes to a one-byte string (see escapeNonAscii).
    const text = escapeNonAscii(jsonBytes(value));
    if (text.length > options.maxBytes) return;
    await this.redis.set(answerKey(accountId, generation, key), text, "PX", options.ttlMs);
  }

  async release(accountId: string, generation: string, key: string, token: string): Promise<void> {
    await this.redis.triageReadRelease(loadingKey(accountId, generation, key), token);
  }

  /**
   * Waits for the answer another instance is loading. Undefined when it will not come: that
   * instance gave up or failed (its mark is gone with no answer), the answer was not one to keep
   * (a search still running), or `untilMs` passed. The caller then asks Cloudflare itself.
   */
  async waitFor(accountId: string, generation: string, key: string, untilMs: number): Promise<unknown> {
    const answer = answerKey(accountId, generation, key);
    const loading = loadingKey(accountId, generation, key);
    while (Date.now() < untilMs) {
      const [text, mark] = await this.redis.mget(answer, loading);
      if (text !== null && text !== undefined) return JSON.parse(text);
      if (mark === null || mark === undefined) return undefined;
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    }
    return undefined;
  }

  /** A change happened: every answer cached so far, and every one still being loaded, is stale. */
  async advance(accountId: string): Promise<void> {
    await this.redis.incr(generationKey(accountId));
  }
}

const base = (accountId: string) => `triage:reads:{${accountId}}`;
const generationKey = (accountId: string) => `${base(accountId)}:gen`;
const answerKey = (accountId: string, generation: string, key: string) => `${generationKey(accountId)}:${generation}:${redisKeyDigest(key)}`;
const loadingKey = (accountId: string, generation: string, key: string) => `${answerKey(accountId, generation, key)}:load`;
