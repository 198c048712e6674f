import "server-only";
import { AppError } from "@/lib/errors";

/**
 * A search Cloudflare is still running answers 202 with a `Location` to poll. We keep that
 * Location per account and search, so the browser's next poll of the same search asks there
 * instead of starting the search again. Only a Location on the upstream's own origin, under its
 * API base path and this account's Email Security paths is followed; anything else is an error
 * shown to the analyst, never a request.
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

function refused(why: string): AppError {
  return new AppError(
    "upstream_bad_response",
    `Cloudflare said the search is still running but named a place to check on it that the console will not follow: ${why}.`,
  );
}

const MAX_PENDING = 500;
/** A Location older than this is forgotten; the search is then started again. */
const PENDING_TTL_MS = 10 * 60_000;

class PendingSearches {
  private readonly targets = new Map<string, { target: PollTarget; expiresAt: number }>();

  get(key: string): PollTarget | undefined {
    const hit = this.targets.get(key);
    if (!hit) return undefined;
    if (hit.expiresAt <= Date.now()) {
      this.targets.delete(key);
      return undefined;
    }
    return hit.target;
  }

  set(key: string, target: PollTarget): void {
    this.targets.delete(key);
    if (this.targets.size >= MAX_PENDING) this.targets.delete(this.targets.keys().next().value!);
    this.targets.set(key, { target, expiresAt: Date.now() + PENDING_TTL_MS });
  }

  delete(key: string): void {
    this.targets.delete(key);
  }
}

const globalForPolls = globalThis as unknown as { __triagePendingSearches?: PendingSearches };
export function getPendingSearches(): PendingSearches {
  globalForPolls.__triagePendingSearches ??= new PendingSearches();
  return globalForPolls.__triagePendingSearches;
}
