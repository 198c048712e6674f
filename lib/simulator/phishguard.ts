// PhishGuard reports (GET /accounts/{id}/email-security/phishguard/reports): Cloudflare analysts'
// write-ups of threats they found in the account's mail, each about one message (named by its
// postfix id). Seeded from the simulated threats of the last 30 days; filtered by start/end (or
// the deprecated from_date/to_date), validated as the published description says.
import type { ReportListResponse } from "cloudflare/resources/email-security/phishguard/reports";
import { ApiError, badRequest, ERROR_CODES, successResponse } from "./envelope";
import type { Dataset } from "./generate";
import { createRng, hashString } from "./prng";
import { isoSeconds } from "./serialize";

const DAY = 86_400_000;
const REPORTS = 40;
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
// What the description lists, plus the SDK's paging (V4PagePaginationArray), which it may send.
const KNOWN = new Set(["start", "end", "from_date", "to_date", "page", "per_page"]);

const TITLES: Record<string, string> = {
  CredentialHarvester: "Credential harvesting lure",
  Malware: "Malware delivery",
  BEC: "Business email compromise attempt",
  Impersonation: "Brand impersonation",
  Link: "Malicious link",
  Spoof: "Spoofed sender",
};

export interface PhishguardState {
  reports: ReportListResponse[];
}

export function createPhishguardState(seed: number, data: Dataset, now: number): PhishguardState {
  const rng = createRng(hashString("phishguard", seed));
  const threats = data.messages.filter((m) => now - m.scannedAt < 30 * DAY && now - m.scannedAt > DAY / 4 && ["MALICIOUS", "MALICIOUS-BEC", "SUSPICIOUS", "SPOOF"].includes(m.disposition));
  const reports: ReportListResponse[] = [];
  for (let k = 0; k < REPORTS && threats.length > 0; k++) {
    const m = threats[rng.int(0, threats.length - 1)]!;
    const category = m.threatCategories[0] ?? "Link";
    const domain = m.from.split("@")[1] ?? m.from;
    const created = m.scannedAt + rng.int(1, 6) * 3_600_000;
    reports.push({
      id: 7000 + k,
      title: `${TITLES[category] ?? category} from ${domain}`,
      content: `PhishGuard reviewed a message from ${m.from} to ${m.clientRecipients.join(", ")} and confirmed it as ${m.disposition}. ${m.detectionReasons[0] ?? ""}`.trim(),
      disposition: m.disposition,
      priority: m.disposition === "MALICIOUS" || m.disposition === "MALICIOUS-BEC" ? "high" : rng.pick(["medium", "low"]),
      tags: [
        { category: "sender_domain", value: domain },
        ...m.threatCategories.slice(0, 2).map((value) => ({ category: "threat", value })),
      ],
      fields: { to: [...m.clientRecipients], from: m.from, occurred_at: isoSeconds(m.scannedAt), postfix_id: m.postfixId },
      created_at: isoSeconds(created),
      updated_at: rng.chance(0.3) ? isoSeconds(created + rng.int(1, 48) * 3_600_000) : null,
    });
  }
  reports.sort((a, b) => (b.created_at ?? "").localeCompare(a.created_at ?? "") || b.id - a.id);
  return { reports };
}

function instant(params: URLSearchParams, name: string, dateName: string, endOfDay: boolean): number | undefined {
  const value = params.get(name);
  if (value !== null) {
    if (!DATE_TIME.test(value) || Number.isNaN(Date.parse(value))) throw badRequest(`${name} must be an RFC 3339 date-time`, `/${name}`);
    return Date.parse(value);
  }
  const date = params.get(dateName);
  if (date !== null) {
    if (!DATE.test(date) || Number.isNaN(Date.parse(date))) throw badRequest(`${dateName} must be a date (YYYY-MM-DD)`, `/${dateName}`);
    return Date.parse(date) + (endOfDay ? DAY : 0);
  }
  return undefined;
}

export function routePhishguard(state: PhishguardState, method: string, rest: string[], params: URLSearchParams, now: number): Response {
  if (rest.length !== 1 || rest[0] !== "reports") throw new ApiError(404, [{ code: ERROR_CODES.noRoute, message: "No route for that URI" }]);
  if (method !== "GET") throw new ApiError(405, [{ code: ERROR_CODES.methodNotAllowed, message: "Method not allowed for this route" }]);
  for (const key of params.keys()) if (!KNOWN.has(key)) throw badRequest(`Unknown parameter: ${key}`, `/${key}`);
  // start/end take precedence over the deprecated dates, as the description says.
  const start = instant(params, "start", "from_date", false) ?? now - 7 * DAY;
  const end = instant(params, "end", "to_date", true) ?? now;
  if (start > end) throw badRequest("start must be before end", "/start");
  return successResponse(state.reports.filter((r) => {
    const at = Date.parse(r.created_at ?? "");
    return at >= start && at < end;
  }));
}
