import type { Message } from "../lib/cloudflare/types";
import { E2E } from "./env";
import { simulator } from "./fixtures";

/** The simulator's own Email Security settings and submissions: the truth the pages are checked against. */
const SETTINGS_API = E2E.cloudflareApi.replace(/\/investigate$/, "");

export async function settingsTruth<T>(path: string): Promise<T> {
  const response = await fetch(`${SETTINGS_API}${path}`, { headers: { authorization: `Bearer ${E2E.apiToken}` } });
  if (!response.ok) throw new Error(`simulator ${path}: ${response.status}`);
  return ((await response.json()) as { result: T }).result;
}

export interface TruthEntry {
  id: string;
  pattern: string;
  pattern_type: string;
  comments: string | null;
}

/**
 * A delivered message from an outside sender that no block or allow entry covers yet, picked at
 * an offset unique to the calling journey so journeys never block the same sender.
 */
export async function unblockedExternalMessage(offset: number): Promise<Message> {
  const [blocks, allows] = await Promise.all([
    settingsTruth<TruthEntry[]>("/settings/block_senders?per_page=100"),
    settingsTruth<TruthEntry[]>("/settings/allow_policies?per_page=100"),
  ]);
  const patterns = new Set([...blocks, ...allows].map((e) => e.pattern.toLowerCase()));
  const { hostileId, hugeId, quarantinedId, deliveredId, noPreviewId, undeliverableId } = await simulator.fixtures();
  const shared = new Set([hostileId, hugeId, quarantinedId, deliveredId, noPreviewId, undeliverableId]);
  const { result } = await simulator.search({ delivery_status: "delivered", detections_only: "false", per_page: "200" });
  const seenSenders = new Set<string>();
  const candidates = result.filter((m) => {
    const from = String(m.from ?? "").toLowerCase();
    const domain = from.slice(from.lastIndexOf("@") + 1);
    if (shared.has(m.id) || !from.includes("@") || domain.endsWith("acme.example") || seenSenders.has(from)) return false;
    seenSenders.add(from);
    return !patterns.has(from) && ![...patterns].some((p) => domain === p || domain.endsWith(`.${p}`));
  });
  const picked = candidates[offset];
  if (!picked) throw new Error(`no unblocked external message at offset ${offset} (${candidates.length} candidates)`);
  return picked;
}
