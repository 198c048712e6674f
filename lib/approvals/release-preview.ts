// Client-safe: what the release policy (release-policy.ts) will do with messages the page shows,
// said before the click. The server decides again from Cloudflare's own answers when it is asked;
// this only forecasts it from the same rules and the dispositions on screen.
import { isDangerousDisposition } from "@/lib/bulk/validate";

export interface ReturnAllowance {
  per_hour: number;
  remaining: number;
}

export interface ReturnPreview {
  /** Messages that will wait for a second admin. */
  needApproval: number;
  /** Of those, classified MALICIOUS or MALICIOUS-BEC. */
  threats: number;
  /** Of those, past the person's hourly allowance. */
  overHour: number;
  /** Messages that go at once. */
  now: number;
}

export function previewReturn(dispositions: readonly (string | null | undefined)[], allowance: ReturnAllowance | undefined): ReturnPreview {
  const threats = dispositions.filter((d) => isDangerousDisposition(d)).length;
  const rest = dispositions.length - threats;
  // Until the allowance is known, only the threats are certain.
  const now = allowance ? Math.min(rest, allowance.remaining) : rest;
  return { needApproval: threats + rest - now, threats, overHour: rest - now, now };
}

/**
 * "12 of these need a second admin (10 classified MALICIOUS or MALICIOUS-BEC, 2 past your 50 an
 * hour). …": empty when nothing will wait.
 */
export function describePreview(p: ReturnPreview, total: number, allowance: ReturnAllowance | undefined): string {
  if (p.needApproval === 0) return "";
  const why = [
    ...(p.threats > 0 ? [`${total === 1 ? "" : `${p.threats} `}classified MALICIOUS or MALICIOUS-BEC`] : []),
    ...(p.overHour > 0 && allowance ? [`${total === 1 ? "" : `${p.overHour} `}past your ${allowance.per_hour} an hour`] : []),
  ].join(", ");
  if (total === 1) return `This message needs a second admin (${why}): confirming sends it to the approvals queue, and nothing is delivered until another admin approves.`;
  const one = p.needApproval === 1;
  const head = p.needApproval === total ? `All ${total} need a second admin` : `${p.needApproval} of these ${one ? "needs" : "need"} a second admin`;
  const rest = p.now > 0 ? `; the other ${p.now} ${p.now === 1 ? "goes" : "go"} at once` : "";
  return `${head} (${why}): ${one ? "it goes" : "they go"} to the approvals queue as exactly ${one ? "this message" : "these messages"}${rest}.`;
}
