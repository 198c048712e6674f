// Variance mode: the simulator answers in every way the published description allows, not only in
// the way the console is used to. Deterministic: each decision is a hash of the seed, the quirk
// and a stable key (an entity id, a list's filters, a request's query), so a failure replays with
// the same seed. Off (null) by default, and then none of this runs.
//
// The quirks (names in variance-config.ts):
// - pageNumbered: a list (search, bulk jobs, a job's messages) answers with `page` and a real
//   `total_count` and no `next`/`previous`, and honours `page=N` on the calls that follow;
// - opaqueCursors: `next`/`previous` are standard base64 containing `+`, `/` and `=`;
// - oddIds: investigate ids carry milliseconds and an offset, e.g.
//   `4Njp3P0STMz2c02Q-2026-11-20T10:00:00.123+0000-12345678`; every endpoint finds them by that id;
// - searchLocation: a search answers 202 with an empty result and a Location on the same path with
//   `?search_id=<token>`; a GET of that Location answers 200 with the original search's results;
// - nullCompletedAt: action-log entries are pending (`completed_at`, `properties`, `success` null);
// - noJobMessageDetail: a bulk job's message rows lack the SDK-only `message` object;
// - noEntryId: a blocked sender comes without `id` (optional in the description and the SDK) in a
//   list row, a get, and the reply to a create or an edit;
// - partialResultInfo: a settings or submissions list answers with part of `result_info`, or
//   none (every field of it is optional there);
// - unknownEnums, omitOptional, nullNullable: driven by the description (variance-walker.ts), for
//   Investigate and the settings and submissions operations alike.
import type { Dataset, SimulatorFixtures } from "./generate";
import { operationFor } from "./openapi";
import { hashString } from "./prng";
import type { PagingStyle } from "./search";
import type { MessageRecord } from "./types";
import { quirkEnabled, type VarianceConfig, type VarianceQuirk } from "./variance-config";
import { resultShape, varyValue, type Decide, type Invent } from "./variance-walker";

/** How often a quirk applies per decision when only a seed is given (a forced quirk always applies). */
const RATES: Record<VarianceQuirk, number> = {
  pageNumbered: 0.5, // per list (its filters)
  opaqueCursors: 0.5, // per list
  oddIds: 0.15, // per message
  searchLocation: 0.3, // per search request
  nullCompletedAt: 0.3, // per action-log entry
  noJobMessageDetail: 0.5, // per job message row
  unknownEnums: 0.05, // per open enum value
  omitOptional: 0.06, // per optional field
  nullNullable: 0.06, // per nullable field
  noEntryId: 0.1, // per blocked sender
  partialResultInfo: 0.5, // per list page
};

/** Blocked-sender operations whose entries may come without `id`. */
const BLOCKED_SENDER_REPLIES = new Set([
  "email_security_list_blocked_senders",
  "email_security_get_blocked_sender",
  "email_security_create_blocked_sender",
  "email_security_update_blocked_sender",
]);
/** The page-numbered lists whose `result_info` fields are all optional. */
const OPTIONAL_RESULT_INFO = new Set(["email_security_list_blocked_senders", "email_security_list_allow_policies", "email_security_submissions"]);
/** Which parts of `result_info` a `partialResultInfo` reply keeps: none, or a pair. */
const RESULT_INFO_KEEPS: readonly (readonly string[])[] = [[], ["count", "per_page"], ["page", "total_count"], ["count"]];

// Values a client cannot have a label for, in the style of the enum they replace.
const UNKNOWN_VALUES = {
  upper: ["QUARANTINE_PLUS", "UNDER_REVIEW", "RETRO_SCANNED"],
  lower: ["partially_delivered", "softfail", "awaiting_retry"],
  other: ["Archive", "Clutter"],
};

const INVESTIGATE_ID = /^(.+-\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2})(-\d+)$/;
const SEARCH_ID = "search_id";
const TWO_32 = 4294967296;

export class Variance {
  private oddIndex: Map<string, MessageRecord> | null = null;
  /** The message `fixtures.oddIdMessage` names: odd whenever oddIds is on, so a test can count on one. */
  private readonly designated: string;

  constructor(
    readonly config: VarianceConfig,
    private readonly data: Dataset,
  ) {
    this.designated = data.fixtures.deliveredId;
  }

  applies(quirk: VarianceQuirk, key: string): boolean {
    if (!quirkEnabled(this.config, quirk)) return false;
    if (this.config.force) return true;
    return hashString(`${quirk}|${key}`, this.config.seed) / TWO_32 < RATES[quirk];
  }

  private isOdd(m: MessageRecord): boolean {
    return quirkEnabled(this.config, "oddIds") && (m.id === this.designated || this.applies("oddIds", m.id));
  }

  /** The id a message goes by on the wire. */
  wireId(m: MessageRecord): string {
    if (!this.isOdd(m)) return m.id;
    const match = INVESTIGATE_ID.exec(m.id);
    const millis = String(((m.scannedAt % 1000) + 1000) % 1000).padStart(3, "0");
    return match ? `${match[1]}.${millis}+0000${match[2]}` : `${m.id}.${millis}+0000`;
  }

  /** A message by its wire id. An odd message is not found by its plain id: a client that strips the odd part must fail. */
  findMessage(id: string): MessageRecord | undefined {
    const plain = this.data.byId.get(id);
    if (plain && !this.isOdd(plain)) return plain;
    this.oddIndex ??= new Map(this.data.messages.filter((m) => this.isOdd(m)).map((m) => [this.wireId(m), m]));
    return this.oddIndex.get(id);
  }

  fixtures(base: SimulatorFixtures): SimulatorFixtures {
    const wire = (id: string): string => {
      const m = this.data.byId.get(id);
      return m ? this.wireId(m) : id;
    };
    const designated = this.data.byId.get(this.designated);
    return {
      ...base,
      hostileId: wire(base.hostileId),
      hugeId: wire(base.hugeId),
      quarantinedId: wire(base.quarantinedId),
      deliveredId: wire(base.deliveredId),
      noPreviewId: wire(base.noPreviewId),
      undeliverableId: wire(base.undeliverableId),
      ...(designated && this.isOdd(designated) ? { oddIdMessage: this.wireId(designated) } : {}),
    };
  }

  /** How a list answers; `key` names the list (path and filters), so its pages agree with each other. */
  paging(key: string): PagingStyle {
    return { pageNumbered: this.applies("pageNumbered", key), opaqueCursors: this.applies("opaqueCursors", key) };
  }

  /** The Location to answer a search with 202, or null to answer it now. Polls (with search_id) are answered now. */
  searchLocation(url: URL): string | null {
    if (url.searchParams.has(SEARCH_ID) || !this.applies("searchLocation", url.search)) return null;
    return `${url.origin}${url.pathname}?${SEARCH_ID}=${encodeSearchId(url.searchParams)}`;
  }

  /** Varies a successful reply's `result` in place, after the route built it. */
  reshape(method: string, path: string, status: number, body: { result?: unknown; result_info?: unknown }): void {
    const op = operationFor(method, path);
    if (!op || status < 200 || status >= 300) return;
    if (BLOCKED_SENDER_REPLIES.has(op.operationId)) {
      const entries = Array.isArray(body.result) ? body.result : [body.result];
      for (const entry of entries as Record<string, unknown>[]) {
        if (entry && typeof entry === "object" && this.applies("noEntryId", `${String(entry.id)}|${method}`)) delete entry.id;
      }
    }
    if (OPTIONAL_RESULT_INFO.has(op.operationId) && body.result_info && typeof body.result_info === "object") {
      const info = body.result_info as Record<string, unknown>;
      const key = `${path}|${JSON.stringify(info)}`;
      if (this.applies("partialResultInfo", key)) {
        const keep = RESULT_INFO_KEEPS[hashString(`resultInfo|${key}`, this.config.seed) % RESULT_INFO_KEEPS.length]!;
        if (keep.length === 0) delete body.result_info;
        else for (const field of Object.keys(info)) if (!keep.includes(field)) delete info[field];
      }
    }
    if (op.operationId === "email_security_get_message_action_log" && Array.isArray(body.result)) {
      for (const entry of body.result as Record<string, unknown>[]) {
        if (this.applies("nullCompletedAt", `${path}|${String(entry.operation)}|${String(entry.started_at)}`)) {
          Object.assign(entry, { completed_at: null, properties: null, status: "pending", success: null });
        }
      }
    }
    if (op.operationId === "email_security_get_bulk_job_messages" && Array.isArray(body.result)) {
      for (const row of body.result as Record<string, unknown>[]) {
        if (this.applies("noJobMessageDetail", String(row.message_id))) delete row.message;
      }
    }
    const shape = resultShape(op, status);
    if (!shape) return;
    const decide: Decide = (quirk, entity, at) => this.applies(quirk, `${entity}|${at}`);
    const invent: Invent = (known, entity, at) => {
      const style = known.every((v) => v === v.toUpperCase()) ? "upper" : known.every((v) => v === v.toLowerCase()) ? "lower" : "other";
      const pool = UNKNOWN_VALUES[style].filter((v) => !known.includes(v));
      return pool[hashString(`value|${entity}|${at}`, this.config.seed) % pool.length] ?? "UNKNOWN_VALUE";
    };
    body.result = varyValue(body.result, shape, `${op.operationId}|${path}`, "", decide, invent);
  }
}

/** Names a list for paging decisions: its path and filters, not its position. */
export function listKey(path: string, params: URLSearchParams): string {
  const filters = [...params.entries()]
    .filter(([k]) => k !== "cursor" && k !== "page" && k !== "per_page" && k !== SEARCH_ID)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([k, v]) => `${k}=${v}`)
    .join("&");
  return `${path}?${filters}`;
}

function encodeSearchId(params: URLSearchParams): string {
  return `srch.${Buffer.from(params.toString()).toString("base64url")}`;
}

/**
 * The search a poll stands for: the original query when `search_id` is present (the poll's own
 * other parameters are ignored, as with an upstream poll URL), otherwise the request's own.
 * Returns null when search_id is not one this simulator issued.
 */
export function searchParamsOf(params: URLSearchParams): URLSearchParams | null {
  const token = params.get(SEARCH_ID);
  if (token === null) return params;
  if (!/^srch\.[A-Za-z0-9_-]*$/.test(token)) return null;
  return new URLSearchParams(Buffer.from(token.slice("srch.".length), "base64url").toString("utf8"));
}
