// Submissions: the team's reclassification requests and users' reports, at Cloudflare's path
// (/accounts/{id}/email-security/submissions) and envelope, paged by page/per_page. Seeded from
// the simulated messages (each links to one by its postfix id); a reclassify adds one.
// As the description has it: `start` defaults to 30 days ago and `end` to now; the `type` filter
// takes TEAM/USER while rows say Team/User; the `status` filter is the review status, which rows
// carry as `customer_status`, while a row's own `status` is its processing status.
import type { SubmissionListResponse } from "cloudflare/resources/email-security/submissions";
import { badRequest, successResponse } from "./envelope";
import type { Dataset } from "./generate";
import { pageOf } from "./policies";
import { createRng, deterministicUuid, hashString } from "./prng";
import { isoSeconds } from "./serialize";
import type { Disposition, MessageRecord } from "./types";

const VERDICTS = ["MALICIOUS", "SUSPICIOUS", "SPOOF", "SPAM", "BULK", "NONE"] as const;
type Verdict = (typeof VERDICTS)[number];
type Status = "unreviewed" | "reviewed" | "escalated";
/** A row's processing status: free text in the description, and not the review status the filter takes. */
const PROCESSING: Record<Status, string> = { unreviewed: "received", reviewed: "processed", escalated: "processed" };
const DEFAULT_WINDOW_MS = 30 * 86_400_000;
const ORDERS = ["submission_id", "subject", "original_disposition", "requested_disposition", "outcome_disposition", "requested_at"] as const;

interface SubmissionRecord {
  id: string;
  type: "Team" | "User";
  requestedAt: number;
  requestedBy: string;
  subject: string;
  postfixId: string;
  edfHash: string | null;
  original: Verdict;
  requested: Verdict;
  outcome: Verdict | null;
  status: Status;
}

export function serializeSubmission(s: SubmissionRecord): SubmissionListResponse {
  return {
    submission_id: s.id,
    type: s.type,
    requested_at: isoSeconds(s.requestedAt),
    requested_ts: isoSeconds(s.requestedAt),
    requested_by: s.requestedBy,
    subject: s.subject,
    original_postfix_id: s.postfixId,
    original_edf_hash: s.edfHash,
    original_disposition: s.original,
    requested_disposition: s.requested,
    outcome_disposition: s.outcome,
    outcome: s.outcome === null ? null : s.outcome === s.requested ? `Disposition changed to ${s.outcome}` : `Original disposition ${s.original} confirmed`,
    status: PROCESSING[s.status],
    customer_status: s.status,
    escalated_as: s.status === "escalated" ? s.requested : null,
    escalated_at: s.status === "escalated" ? isoSeconds(s.requestedAt + 3_600_000) : null,
    escalated_by: s.status === "escalated" ? "soc.lead@acme.example" : null,
    escalated_submission_id: null,
  } satisfies SubmissionListResponse;
}

/** The six verdicts a submission speaks; MALICIOUS-BEC counts as MALICIOUS, the rest as NONE. */
function verdictOf(d: Disposition): Verdict {
  if (d === "MALICIOUS-BEC") return "MALICIOUS";
  return (VERDICTS as readonly string[]).includes(d) ? (d as Verdict) : "NONE";
}

export const SEEDED_SUBMISSIONS = 320;
const ANALYSTS = ["dana.analyst@acme.example", "farid.soc@acme.example", "grace.ir@acme.example"];

export class SubmissionStore {
  readonly items: SubmissionRecord[] = [];
  private counter = 0;

  constructor(
    private readonly seed: number,
    data: Dataset,
    now: number,
  ) {
    const r = createRng(hashString("submissions", seed));
    const messages = data.messages;
    for (let i = 0; i < SEEDED_SUBMISSIONS && messages.length > 0; i++) {
      const m = messages[r.int(0, messages.length - 1)]!;
      const team = r.chance(0.45);
      const original = verdictOf(m.disposition);
      const requested: Verdict = original === "NONE" ? r.pick(["MALICIOUS", "SPAM", "SUSPICIOUS", "BULK"] as const) : r.pick(["NONE", "NONE", "SPAM", "BULK"] as const);
      const status: Status = r.weighted([["reviewed", 6], ["unreviewed", 3], ["escalated", 1]] as const);
      // Within three days of delivery, and never in the future for the newest mail.
      const requestedAt = Math.round(m.scannedAt + 60_000 + r.next() * Math.max(0, Math.min(72 * 3_600_000, now - m.scannedAt - 120_000)));
      this.items.push({
        id: this.nextId(),
        type: team ? "Team" : "User",
        requestedAt,
        requestedBy: team ? r.pick(ANALYSTS) : (m.clientRecipients[0] ?? m.to[0] ?? "user@acme.example"),
        subject: m.subject,
        postfixId: m.postfixId,
        edfHash: m.edfHash,
        original,
        requested,
        outcome: status === "unreviewed" ? null : r.chance(0.6) ? requested : original,
        status,
      });
    }
  }

  private nextId(): string {
    this.counter += 1;
    return deterministicUuid(this.seed, `submission:${this.counter}`);
  }

  /** What a reclassify leaves behind: a team submission, not yet reviewed. */
  addFromReclassify(m: MessageRecord, expected: string, now: number): void {
    this.items.push({
      id: this.nextId(),
      type: "Team",
      requestedAt: now,
      requestedBy: "API",
      subject: m.subject,
      postfixId: m.postfixId,
      edfHash: m.edfHash,
      original: verdictOf(m.disposition),
      requested: (VERDICTS as readonly string[]).includes(expected) ? (expected as Verdict) : "NONE",
      outcome: null,
      status: "unreviewed",
    });
  }

  list(params: URLSearchParams, now: number): Response {
    const pick = <T extends string>(key: string, values: readonly T[]): T | null => {
      const v = params.get(key);
      if (v === null || v === "") return null;
      if (!values.includes(v as T)) throw badRequest(`${key} must be one of: ${values.join(", ")}`, `/query/${key}`);
      return v as T;
    };
    const time = (key: string): number | null => {
      const v = params.get(key);
      if (v === null || v === "") return null;
      const t = Date.parse(v);
      if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(v) || Number.isNaN(t)) throw badRequest(`${key} must be an RFC 3339 date-time`, `/query/${key}`);
      return t;
    };
    const bool = (key: string): boolean | null => {
      const v = params.get(key);
      if (v === null) return null;
      if (v !== "true" && v !== "false") throw badRequest(`${key} must be true or false`, `/query/${key}`);
      return v === "true";
    };
    const type = pick("type", ["TEAM", "USER"] as const);
    const original = pick("original_disposition", VERDICTS);
    const requested = pick("requested_disposition", VERDICTS);
    const outcome = pick("outcome_disposition", VERDICTS);
    const order = pick("order", ORDERS) ?? "requested_at";
    const direction = pick("direction", ["asc", "desc"] as const) ?? "desc";
    // "Defaults to `now - 30 days`" and "Defaults to `now`".
    const end = time("end") ?? now;
    const start = time("start") ?? now - DEFAULT_WINDOW_MS;
    const escalatedFromUser = bool("escalated_from_user");
    // "Filter by review status": what rows call `customer_status`.
    const status = params.get("status")?.toLowerCase() || null;
    const submissionId = params.get("submission_id") || null;
    const query = params.get("query")?.toLowerCase() || null;
    const rows = this.items.filter(
      (s) =>
        (!type || s.type.toUpperCase() === type) &&
        (!original || s.original === original) &&
        (!requested || s.requested === requested) &&
        (!outcome || s.outcome === outcome) &&
        s.requestedAt >= start &&
        s.requestedAt <= end &&
        (escalatedFromUser === null || (s.type === "User" && s.status === "escalated") === escalatedFromUser) &&
        (!status || s.status === status) &&
        (!submissionId || s.id === submissionId) &&
        (!query || [s.subject, s.id, s.requestedBy, s.postfixId].some((v) => v.toLowerCase().includes(query))),
    );
    const key = (s: SubmissionRecord): string | number =>
      order === "requested_at" ? s.requestedAt : order === "submission_id" ? s.id : order === "subject" ? s.subject : order === "original_disposition" ? s.original : order === "requested_disposition" ? s.requested : (s.outcome ?? "");
    const sign = direction === "asc" ? 1 : -1;
    rows.sort((a, b) => {
      const ka = key(a);
      const kb = key(b);
      const c = typeof ka === "number" && typeof kb === "number" ? ka - kb : String(ka).localeCompare(String(kb));
      return sign * c || a.id.localeCompare(b.id);
    });
    const page = pageOf(rows, params, this.items.length);
    return successResponse(page.items.map(serializeSubmission), { resultInfo: page.resultInfo });
  }
}
