import "server-only";
import type Redis from "ioredis";
import { z } from "zod";
import { AppError } from "@/lib/errors";
import { getRedis, redisKeyDigest } from "@/lib/rate-state";

/**
 * A search Cloudflare is still running answers 202 with a `Location` to poll. We keep that
 * Location per account and search (in Redis with REDIS_URL, so every instance knows it), so the
 * browser's next poll of the same search asks there instead of starting the search again. Only a
 * Location on the upstream's own origin, under its API base path and this account's Email Security
 * paths is followed; anything else is an error shown to the analyst, never a request. A target
 * read back from where it was kept passes the same check again (`checkedPollTarget`): Redis is
 * shared, and what is in it is not trusted to be what we wrote.
 */
export interface PollTarget {
  /** Relative to the SDK's base URL, as `client.get` takes it. */
  path: string;
  query: Record<string, string>;
}

export function pollTargetFrom(location: string, baseURL: string, accountId: string): PollTarget {
  const base = new URL(baseURL);
  let url: URL;
  try {
    // A relative Location is resolved against the API's base URL, as the description's examples are.
    url = new URL(location, base.href.endsWith("/") ? base.href : `${base.href}/`);
  } catch {
    throw refused("it is not a URL");
  }
  if (url.origin !== base.origin) throw refused(`it points to another site (${url.origin})`);
  const basePath = base.pathname.replace(/\/+$/, "");
  const ownPrefix = `${basePath}/accounts/${accountId}/email-security/`;
  // The URL parser has already resolved dot segments (also `%2e%2e`), so a prefix check holds.
  if (!url.pathname.startsWith(ownPrefix)) throw refused("it is outside this account's Email Security API");
  const query: Record<string, string> = {};
  for (const [key, value] of url.searchParams) {
    if (key in query) throw refused(`its query repeats "${key}"`);
    query[key] = value;
  }
  return { path: url.pathname.slice(basePath.length), query };
}

/**
 * A kept target, checked as a fresh Location would be (dot segments, other accounts, other
 * products, other sites); undefined when it is not one we would follow.
 */
export function checkedPollTarget(target: PollTarget, baseURL: string, accountId: string): PollTarget | undefined {
  const base = new URL(baseURL);
  const query = new URLSearchParams(target.query).toString();
  const location = `${base.origin}${base.pathname.replace(/\/+$/, "")}${target.path}${query ? `?${query}` : ""}`;
  try {
    const checked = pollTargetFrom(location, baseURL, accountId);
    // Anything the URL parser had to resolve or re-encode was not written by us.
    return checked.path === target.path ? checked : undefined;
  } catch {
    return undefined;
  }
}

function refused(why: string): AppError {
  return new AppError(
    "upstream_bad_response",
    `Cloudflare said the search is still running but named a place to check on it that the console will not follow: ${why}.`,
  );
}

const MAX_PENDING = 500;
/** A Location older than this is forgotten; the search is then started again. */
const PENDING_TTL_MS = 10 * 60_000;

/** Where to poll each running search, by account and search. */
export interface PendingSearches {
  /** The kept target, if it still passes the check a fresh Location passes against `baseURL`. */
  get(accountId: string, key: string, baseURL: string): Promise<PollTarget | undefined>;
  set(accountId: string, key: string, target: PollTarget): Promise<void>;
  delete(accountId: string, key: string): Promise<void>;
}

const memoryKey = (accountId: string, key: string) => `${accountId}\u0000${key}`;

/** One instance: a bounded map in process. */
export class MemoryPendingSearches implements PendingSearches {
  private readonly targets = new Map<string, { target: PollTarget; expiresAt: number }>();

  async get(accountId: string, key: string, baseURL: string): Promise<PollTarget | undefined> {
    const full = memoryKey(accountId, key);
    const hit = this.targets.get(full);
    if (!hit) return undefined;
    const target = hit.expiresAt > Date.now() ? checkedPollTarget(hit.target, baseURL, accountId) : undefined;
    if (!target) this.targets.delete(full);
    return target;
  }

  async set(accountId: string, key: string, target: PollTarget): Promise<void> {
    const full = memoryKey(accountId, key);
    this.targets.delete(full);
    if (this.targets.size >= MAX_PENDING) this.targets.delete(this.targets.keys().next().value!);
    this.targets.set(full, { target, expiresAt: Date.now() + PENDING_TTL_MS });
  }

  async delete(accountId: string, key: string): Promise<void> {
    this.targets.delete(memoryKey(accountId, key));
  }
}

const storedTarget = z.strictObject({ path: z.string(), query: z.record(z.string(), z.string()) });

/**
 * Several instances (REDIS_URL): the Location is Redis's, so a poll that lands on another
 * instance asks where the first one was told to, instead of starting the search again. Keys are
 * digests (no search text in Redis). A target read back is checked again, as a fresh Location
 * is. Redis failing only costs a search started again.
 */
export class RedisPendingSearches implements PendingSearches {
  constructor(private readonly redis: Redis) {}

  async get(accountId: string, key: string, baseURL: string): Promise<PollTarget | undefined> {
    const text = await this.redis.get(redisKey(accountId, key)).catch(() => null);
    if (text === null) return undefined;
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      parsed = undefined;
    }
    const stored = storedTarget.safeParse(parsed);
    const target = stored.success ? checkedPollTarget(stored.data, baseURL, accountId) : undefined;
    // A target we would not follow is dropped: the next poll starts the search again.
    if (!target) await this.delete(accountId, key);
    return target;
  }

  async set(accountId: string, key: string, target: PollTarget): Promise<void> {
    await this.redis.set(redisKey(accountId, key), JSON.stringify(target), "PX", PENDING_TTL_MS).catch(noteFailure);
  }

  async delete(accountId: string, key: string): Promise<void> {
    await this.redis.del(redisKey(accountId, key)).catch(noteFailure);
  }
}

const redisKey = (accountId: string, key: string) =>
  `triage:polls:{${accountId}}:${redisKeyDigest(key)}`;

function noteFailure(err: Error): void {
  console.error(`[triage] could not share where to poll a running search through Redis: ${err.message}`);
}

const globalForPolls = globalThis as unknown as { __triagePendingSearches?: PendingSearches };
export function getPendingSearches(): PendingSearches {
  if (!globalForPolls.__triagePendingSearches) {
    const redis = getRedis();
    globalForPolls.__triagePendingSearches = redis ? new RedisPendingSearches(redis) : new MemoryPendingSearches();
  }
  return globalForPolls.__triagePendingSearches;
}
