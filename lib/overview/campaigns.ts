// Campaigns: messages grouped by Cloudflare's own fingerprints. Same `edf_hash` (the detection
// fingerprint) or same `htmltext_structure_hash` (the HTML template) puts messages together; groups
// that also share sending infrastructure and a subject stem are merged. Each campaign says why.
import type { CampaignReason, CampaignSummary } from "./types";
import { bucketIndex, deliveredOf, recipientsOf, senderDomain, sendingIp, timeOf, type OverviewMessage } from "./message-fields";

/** Bursts further apart than this are separate waves. */
export const WAVE_GAP_MS = 6 * 3_600_000;
/** Fewer messages than this are not a campaign. */
export const MIN_CAMPAIGN_SIZE = 3;
export const MAX_CAMPAIGNS = 25;

// Cloudflare's fingerprints are hex; anything else is not used to group (nor put in a URL).
const FINGERPRINT = /^[A-Za-z0-9]{8,128}$/;

const SEVERITY_ORDER = ["MALICIOUS", "MALICIOUS-BEC", "SPOOF", "SUSPICIOUS", "SPAM", "BULK"];
const worstRank = (dispositions: string[]) => Math.min(...dispositions.map((d) => (SEVERITY_ORDER.includes(d) ? SEVERITY_ORDER.indexOf(d) : SEVERITY_ORDER.length)));

/**
 * "Invoice 12345 is overdue - Alice" → "invoice # is overdue": the subject with its per-message
 * parts gone, for grouping (lib/messages/pivots.ts has the search-filter form, which keeps case).
 */
export function subjectShape(subject: string | null | undefined): string {
  const head = (subject ?? "").slice(0, 200).toLowerCase().replace(PREFIXES, "").split(SEPARATOR)[0]!;
  const words: string[] = [];
  for (const token of head.split(/\s+/)) {
    if (words.length === 6) break;
    if (DIGIT.test(token)) words.push("#");
    else {
      const word = token.replace(PUNCTUATION, "");
      if (word) words.push(word);
    }
  }
  return words.join(" ");
}
const PREFIXES = /^((re|fwd?|aw|wg)\s*:\s*)+/;
const SEPARATOR = /\s[-–|]\s/;
const DIGIT = /\d/;
const PUNCTUATION = /[.,:;!?()[\]{}"'“”‘’<>]/g;

class UnionFind {
  private readonly parent: number[];
  constructor(n: number) {
    this.parent = Array.from({ length: n }, (_, i) => i);
  }
  find(i: number): number {
    let root = i;
    while (this.parent[root] !== root) root = this.parent[root]!;
    while (this.parent[i] !== root) {
      const next = this.parent[i]!;
      this.parent[i] = root;
      i = next;
    }
    return root;
  }
  union(a: number, b: number): void {
    const ra = this.find(a);
    const rb = this.find(b);
    if (ra !== rb) this.parent[Math.max(ra, rb)] = Math.min(ra, rb);
  }
}

interface Fingerprint {
  kind: "edf" | "html";
  hash: string;
  members: number[];
}

function fingerprintGroups(messages: readonly OverviewMessage[]): Fingerprint[] {
  const groups: Fingerprint[] = [];
  for (const kind of ["edf", "html"] as const) {
    const byHash = new Map<string, number[]>();
    messages.forEach((m, i) => {
      const hash = kind === "edf" ? m.edf_hash : m.htmltext_structure_hash;
      if (!hash || !FINGERPRINT.test(hash)) return;
      const list = byHash.get(hash);
      if (list) list.push(i);
      else byHash.set(hash, [i]);
    });
    for (const [hash, members] of byHash) if (members.length >= 2) groups.push({ kind, hash, members });
  }
  return groups;
}

const short = (hash: string) => `${hash.slice(0, 8)}…`;

/** Every campaign among `messages`, worst and largest first, each with the indices of its messages. */
export function groupCampaigns(
  messages: readonly OverviewMessage[],
  histogram: { start: number; bucketMs: number; buckets: number },
  limit = MAX_CAMPAIGNS,
): (CampaignSummary & { members: number[] })[] {
  const uf = new UnionFind(messages.length);
  const groups = fingerprintGroups(messages);
  for (const g of groups) for (const i of g.members) uf.union(g.members[0]!, i);

  // Groups that share a sending IP and a subject stem are one campaign sent with two kits.
  const infra = new Map<string, number>();
  const infraReasons = new Map<number, string>();
  for (const g of groups) {
    for (const i of g.members) {
      const m = messages[i]!;
      const ip = sendingIp(m);
      const stem = subjectShape(m.subject);
      if (!ip || !stem) continue;
      const key = `${ip}\u0000${stem}`;
      const seen = infra.get(key);
      if (seen === undefined) infra.set(key, i);
      else if (uf.find(seen) !== uf.find(i)) {
        uf.union(seen, i);
        infraReasons.set(uf.find(i), `same sending IP ${ip} and subject “${stem}”`);
      }
    }
  }

  const members = new Map<number, number[]>();
  for (const g of groups) {
    for (const i of g.members) {
      const root = uf.find(i);
      if (!members.has(root)) members.set(root, []);
    }
  }
  messages.forEach((_, i) => members.get(uf.find(i))?.push(i));
  const fingerprintsOf = new Map<number, Fingerprint[]>();
  for (const g of groups) {
    const root = uf.find(g.members[0]!);
    fingerprintsOf.set(root, [...(fingerprintsOf.get(root) ?? []), g]);
  }

  const campaigns: (CampaignSummary & { members: number[] })[] = [];
  for (const [root, list] of members) {
    if (list.length < MIN_CAMPAIGN_SIZE) continue;
    const prints = (fingerprintsOf.get(root) ?? []).sort((a, b) => b.members.length - a.members.length || (a.kind === "edf" ? -1 : 1));
    const anchor = prints[0]!;
    const reasons: CampaignReason[] = prints.slice(0, 3).map((p) => ({
      kind: p.kind,
      text: p.kind === "edf" ? `same detection fingerprint ${short(p.hash)} (${p.members.length})` : `same HTML structure ${short(p.hash)} (${p.members.length})`,
    }));
    const infraReason = [...infraReasons].find(([r]) => uf.find(r) === root)?.[1];
    if (infraReason) reasons.push({ kind: "infrastructure", text: infraReason });
    campaigns.push({ ...summarize(messages, list, histogram), id: `${anchor.kind}-${anchor.hash}`, reasons, members: list });
  }
  campaigns.sort(
    (a, b) => worstRank(a.dispositions.map((d) => d.value)) - worstRank(b.dispositions.map((d) => d.value)) || b.size - a.size || (a.id < b.id ? -1 : 1),
  );
  return campaigns.slice(0, limit);
}

function countBy(values: string[]): { value: string; count: number }[] {
  const counts = new Map<string, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  return [...counts].map(([value, count]) => ({ value, count })).sort((a, b) => b.count - a.count || (a.value < b.value ? -1 : 1));
}

function summarize(
  messages: readonly OverviewMessage[],
  list: number[],
  histogram: { start: number; bucketMs: number; buckets: number },
): Omit<CampaignSummary, "id" | "reasons"> {
  const rows = list.map((i) => messages[i]!);
  const times = rows.map(timeOf).filter((t): t is number => t !== null).sort((a, b) => a - b);
  let waves = times.length > 0 ? 1 : 0;
  for (let k = 1; k < times.length; k++) if (times[k]! - times[k - 1]! > WAVE_GAP_MS) waves++;
  const spark = new Array<number>(histogram.buckets).fill(0);
  for (const t of times) {
    const b = bucketIndex(t, histogram);
    if (b !== null) spark[b]!++;
  }
  const recipients = new Set(rows.flatMap(recipientsOf).map((r) => r.toLowerCase()));
  return {
    size: rows.length,
    firstSeen: new Date(times[0] ?? 0).toISOString(),
    lastSeen: new Date(times[times.length - 1] ?? 0).toISOString(),
    waves,
    spark,
    dispositions: countBy(rows.map((m) => m.final_disposition ?? "(none)")),
    delivered: rows.filter(deliveredOf).length,
    recipients: recipients.size,
    domains: countBy(rows.map(senderDomain).filter((d): d is string => !!d)).slice(0, 6).map((d) => d.value),
    ips: countBy(rows.map(sendingIp).filter((d): d is string => !!d)).slice(0, 6).map((d) => d.value),
    subjects: countBy(rows.map((m) => m.subject ?? "").filter(Boolean)).slice(0, 3).map((d) => d.value),
  };
}

/** The campaign with this id (or holding this fingerprint) among `messages`, with its members. */
export function findCampaign(
  messages: readonly OverviewMessage[],
  histogram: { start: number; bucketMs: number; buckets: number },
  id: string,
): (CampaignSummary & { members: number[] }) | null {
  const [kind, hash] = [id.slice(0, id.indexOf("-")), id.slice(id.indexOf("-") + 1)];
  const all = groupCampaigns(messages, histogram, Number.POSITIVE_INFINITY);
  return (
    all.find((c) => c.id === id) ??
    all.find((c) => c.members.some((i) => (kind === "edf" ? messages[i]!.edf_hash : messages[i]!.htmltext_structure_hash) === hash)) ??
    null
  );
}
