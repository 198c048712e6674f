import "server-only";
import { getUpstream, type Upstream } from "./client";
import { callUpstream } from "./errors";
import { getReadThrough } from "./read-through";

/** A read: coalesced with identical reads in flight, briefly cached, paced by the account's budget. */
export function upstreamRead<T>(
  key: string,
  load: (upstream: Upstream) => Promise<T>,
  cacheable?: (value: T) => boolean,
): Promise<T> {
  const upstream = getUpstream();
  return getReadThrough().read(upstream.accountId, key, () => callUpstream(() => load(upstream)), cacheable);
}

/** A change: sent once, never coalesced or cached; afterwards every cached read is stale. */
export async function upstreamWrite<T>(load: (upstream: Upstream) => Promise<T>): Promise<T> {
  const upstream = getUpstream();
  try {
    return await callUpstream(() => load(upstream));
  } finally {
    await getReadThrough().afterWrite(upstream.accountId);
  }
}
