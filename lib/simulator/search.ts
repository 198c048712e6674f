// Search semantics shared by GET /investigate and bulk-job discovery: parameter validation,
// matching, and opaque keyset cursors that stay correct while messages change underneath.
import { decodeCursorText, encodeCursorText } from "./cursors";
import { badRequest, type ResultInfo } from "./envelope";
import { hashString } from "./prng";
import { DELIVERY_STATUSES, DETECTION_DISPOSITIONS, DISPOSITIONS, type Disposition, type MessageRecord, type PostDeliveryOperation } from "./types";

const DAY = 86_400_000;

export interface SearchFilter {
  start: number;
  end: number;
  terms: string[];
  detectionsOnly: boolean;
  finalDisposition: Disposition | null;
  messageAction: PostDeliveryOperation | null;
  recipient: string | null;
  sender: string | null;
  alertId: string | null;
  domain: string | null;
  messageId: string | null;
  subjectWords: string[];
  exactSubject: string | null;
  deliveryStatus: string | null;
  smtpHeloIp: string | null;
  submission: boolean;
}

const SEARCH_DISPOSITIONS = ["MALICIOUS", "SUSPICIOUS", "SPOOF", "SPAM", "BULK", "NONE"] as const;
const MESSAGE_ACTIONS: Record<string, PostDeliveryOperation> = { PREVIEW: "PREVIEW", QUARANTINE_RELEASED: "QUARANTINE_RELEASE", MOVED: "MOVE" };
// The contract lists 7 statuses; SDK 7.3.0 can also send move_failed, so accept it as a filter.
const FILTER_DELIVERY_STATUSES: readonly string[] = [...DELIVERY_STATUSES, "move_failed"];
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})?$/i;

type Source = "query" | "body";

interface Reader {
  get(name: string): unknown;
  pointer(name: string): string;
  source: Source;
}

function readString(r: Reader, name: string): string | null {
  const value = r.get(name);
  if (value === undefined || value === null) return null;
  if (typeof value !== "string") throw badRequest(`${name} must be a string`, r.pointer(name));
  const trimmed = value.trim();
  return trimmed === "" ? null : trimmed;
}

function readBoolean(r: Reader, name: string, fallback: boolean): boolean {
  const value = r.get(name);
  if (value === undefined || value === null || value === "") return fallback;
  if (typeof value === "boolean") return value;
  if (r.source === "query" && typeof value === "string") {
    const lower = value.toLowerCase();
    if (lower === "true") return true;
    if (lower === "false") return false;
  }
  throw badRequest(`${name} must be a boolean (true or false)`, r.pointer(name));
}

function readEnum<T extends string>(r: Reader, name: string, allowed: readonly T[]): T | null {
  const value = readString(r, name);
  if (value === null) return null;
  if (!(allowed as readonly string[]).includes(value)) {
    throw badRequest(`${name} must be one of: ${allowed.join(", ")}`, r.pointer(name));
  }
  return value as T;
}

function readDate(r: Reader, name: string): number | null {
  const value = readString(r, name);
  if (value === null) return null;
  const withZone = /(Z|[+-]\d{2}:?\d{2})$/i.test(value) ? value : `${value}Z`;
  const ms = DATE_TIME.test(value) ? Date.parse(withZone) : NaN;
  if (Number.isNaN(ms)) throw badRequest(`${name} must be an ISO-8601 date-time, e.g. 2026-11-20T10:00:00Z`, r.pointer(name));
  return ms;
}

function parseFilter(r: Reader, now: number): SearchFilter {
  const start = readDate(r, "start") ?? now - 30 * DAY;
  const end = readDate(r, "end") ?? now;
  if (start > now) throw badRequest("start must not be in the future", r.pointer("start"));
  if (start > end) throw badRequest("start must be before end", r.pointer("start"));
  const dispositions = r.source === "query" ? SEARCH_DISPOSITIONS : DISPOSITIONS;
  const action = readEnum(r, "message_action", Object.keys(MESSAGE_ACTIONS));
  const messageId = readString(r, "message_id");
  readString(r, "metric"); // accepted for compatibility; it does not narrow results
  return {
    start,
    end,
    terms: words(readString(r, "query")),
    detectionsOnly: readBoolean(r, "detections_only", true),
    finalDisposition: readEnum<Disposition>(r, "final_disposition", dispositions),
    messageAction: action ? (MESSAGE_ACTIONS[action] ?? null) : null,
    recipient: readString(r, "recipient")?.toLowerCase() ?? null,
    sender: readString(r, "sender")?.toLowerCase() ?? null,
    alertId: readString(r, "alert_id"),
    domain: readString(r, "domain")?.toLowerCase() ?? null,
    messageId: messageId ? stripAngles(messageId).toLowerCase() : null,
    subjectWords: words(readString(r, "subject")),
    exactSubject: readString(r, "exact_subject")?.toLowerCase() ?? null,
    deliveryStatus: readEnum(r, "delivery_status", FILTER_DELIVERY_STATUSES),
    smtpHeloIp: readString(r, "smtp_helo_ip"),
    submission: readBoolean(r, r.source === "query" ? "submission" : "submissions", false),
  };
}

function words(text: string | null): string[] {
  return text ? text.toLowerCase().split(/\s+/).filter(Boolean) : [];
}

function stripAngles(id: string): string {
  return id.replace(/^</, "").replace(/>$/, "");
}

export function filterFromBody(body: Record<string, unknown>, now: number): SearchFilter {
  return parseFilter({ source: "body", get: (n) => body[n], pointer: (n) => `/search_params/${n}` }, now);
}

function domainOf(address: string): string {
  return address.slice(address.lastIndexOf("@") + 1).toLowerCase();
}

function domainMatches(host: string, domain: string): boolean {
  return host === domain || host.endsWith(`.${domain}`);
}

function addressMatches(addresses: readonly string[], wanted: string): boolean {
  if (wanted.includes("@")) return addresses.some((a) => a.toLowerCase() === wanted);
  return addresses.some((a) => domainMatches(domainOf(a), wanted));
}

function haystack(m: MessageRecord): string {
  m.haystack ??= [
    m.from, m.fromName, m.envelopeFrom, ...m.to, ...m.envelopeTo, ...m.clientRecipients, m.subject, m.messageId, m.id,
    ...m.attachments.flatMap((a) => [a.name, a.md5, a.sha1, a.sha256]),
  ].join("\n").toLowerCase();
  return m.haystack;
}

export function matchesFilter(m: MessageRecord, f: SearchFilter, wireId?: (m: MessageRecord) => string): boolean {
  if (m.scannedAt < f.start || m.scannedAt > f.end) return false;
  if (f.detectionsOnly && !DETECTION_DISPOSITIONS.has(m.disposition)) return false;
  if (f.finalDisposition && m.disposition !== f.finalDisposition) return false;
  if (f.messageAction && !m.postDeliveryOperations.includes(f.messageAction)) return false;
  if (f.submission && !m.isPhishSubmission) return false;
  if (f.alertId && m.alertId !== f.alertId) return false;
  if (f.deliveryStatus && !(m.deliveryStatus as string[]).includes(f.deliveryStatus)) return false;
  if (f.smtpHeloIp && m.smtpHeloIp !== f.smtpHeloIp) return false;
  if (f.messageId && stripAngles(m.messageId).toLowerCase() !== f.messageId) return false;
  if (f.sender && !addressMatches([m.from, m.envelopeFrom], f.sender)) return false;
  if (f.recipient && !addressMatches([...m.to, ...m.envelopeTo, ...m.clientRecipients], f.recipient)) return false;
  if (f.domain) {
    const d = f.domain;
    const hosts = [m.from, m.envelopeFrom, ...m.to, ...m.envelopeTo, ...m.clientRecipients].map(domainOf);
    const linkHosts = m.links.map((l) => {
      try {
        return new URL(l.href).hostname.toLowerCase();
      } catch {
        return "";
      }
    });
    if (![...hosts, ...linkHosts].some((h) => domainMatches(h, d))) return false;
  }
  if (f.exactSubject !== null && m.subject.trim().toLowerCase() !== f.exactSubject) return false;
  if (f.subjectWords.length > 0) {
    const subject = m.subject.toLowerCase();
    if (!f.subjectWords.every((w) => subject.includes(w))) return false;
  }
  if (f.terms.length > 0) {
    const text = haystack(m);
    // In variance mode a message may go by another id on the wire (see variance.ts `oddIds`).
    const wire = wireId?.(m);
    const alias = wire !== undefined && wire !== m.id ? wire.toLowerCase() : null;
    if (!f.terms.every((t) => text.includes(t) || (alias !== null && alias.includes(t)))) return false;
  }
  return true;
}

interface Cursor {
  d: "n" | "p";
  t: number;
  i: string;
  f: string;
}

function encodeCursor(c: Cursor, opaque: boolean): string {
  return encodeCursorText(JSON.stringify(c), opaque);
}

function decodeCursor(text: string, fingerprint: string): Cursor {
  let parsed: unknown;
  try {
    const decoded = decodeCursorText(text);
    if (decoded === null) throw new Error("not base64");
    parsed = JSON.parse(decoded);
  } catch {
    throw badRequest("cursor is invalid", "/query/cursor");
  }
  const c = parsed as Partial<Cursor> | null;
  if (!c || (c.d !== "n" && c.d !== "p") || typeof c.t !== "number" || typeof c.i !== "string" || typeof c.f !== "string") {
    throw badRequest("cursor is invalid", "/query/cursor");
  }
  if (c.f !== fingerprint) throw badRequest("cursor does not belong to this search; start again without a cursor", "/query/cursor");
  return c as Cursor;
}

/** Newest first; equal scan times fall back to id so the order is total. */
function before(m: MessageRecord, t: number, id: string): boolean {
  return m.scannedAt > t || (m.scannedAt === t && m.id < id);
}

export function readPerPage(params: URLSearchParams, fallback = 20): number {
  const raw = params.get("per_page");
  if (raw === null || raw === "") return fallback;
  if (!/^\d+$/.test(raw)) throw badRequest("per_page must be an integer between 1 and 1000", "/query/per_page");
  const n = Number(raw);
  if (n < 1 || n > 1000) throw badRequest("per_page must be an integer between 1 and 1000", "/query/per_page");
  return n;
}

export function readPage(params: URLSearchParams): number | null {
  const raw = params.get("page");
  if (raw === null || raw === "") return null;
  if (!/^\d+$/.test(raw) || Number(raw) < 1) throw badRequest("page must be an integer of at least 1", "/query/page");
  return Number(raw);
}

export interface SearchPage {
  items: MessageRecord[];
  resultInfo: ResultInfo;
}

/** How a list answers: cursors (the default) or, in variance mode, page numbers or opaque cursors. */
export interface PagingStyle {
  pageNumbered: boolean;
  opaqueCursors: boolean;
}

export const CURSOR_PAGING: PagingStyle = { pageNumbered: false, opaqueCursors: false };

export interface SearchOptions {
  paging?: PagingStyle;
  wireId?: (m: MessageRecord) => string;
}

export function searchMessages(messages: readonly MessageRecord[], params: URLSearchParams, now: number, options: SearchOptions = {}): SearchPage {
  const paging = options.paging ?? CURSOR_PAGING;
  const filter = parseFilter(
    {
      source: "query",
      get: (n) => {
        const all = params.getAll(n);
        if (all.length > 1) throw badRequest(`${n} may only be given once`, `/query/${n}`);
        return all[0];
      },
      pointer: (n) => `/query/${n}`,
    },
    now,
  );
  const perPage = readPerPage(params);
  const page = readPage(params);
  // The fingerprint covers the caller's filters as sent (not resolved defaults), so a cursor keeps
  // working as the clock moves but cannot be replayed against a different search.
  const fingerprint = hashString(
    [...params.entries()]
      .filter(([k]) => k !== "cursor" && k !== "per_page" && k !== "page")
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([k, v]) => `${k}=${v}`)
      .join("&"),
  ).toString(16);
  const wireId = options.wireId;
  const matching = messages.filter((m) => matchesFilter(m, filter, wireId));

  const cursorText = params.get("cursor");
  if (paging.pageNumbered && !cursorText) {
    const current = page ?? 1;
    const from = Math.min(matching.length, (current - 1) * perPage);
    const items = matching.slice(from, from + perPage);
    return { items, resultInfo: pageNumberedInfo(items.length, current, perPage, matching.length) };
  }
  let from: number;
  if (cursorText) {
    const c = decodeCursor(cursorText, fingerprint);
    const firstAfter = matching.findIndex((m) => !before(m, c.t, c.i) && !(m.scannedAt === c.t && m.id === c.i));
    const boundary = firstAfter === -1 ? matching.length : firstAfter;
    if (c.d === "n") {
      from = boundary;
    } else {
      const keyIndex = matching.findIndex((m) => !before(m, c.t, c.i));
      const end = keyIndex === -1 ? matching.length : keyIndex;
      from = Math.max(0, end - perPage);
      const items = matching.slice(from, end);
      return page_(items, from, end, matching, perPage, fingerprint, paging.opaqueCursors);
    }
  } else {
    from = page ? (page - 1) * perPage : 0;
  }
  const to = Math.min(matching.length, from + perPage);
  return page_(matching.slice(from, to), from, to, matching, perPage, fingerprint, paging.opaqueCursors);
}

/**
 * The pre-cursor answer (variance `pageNumbered`): the page number and a real total, and no
 * `next`/`previous`, so a client pages by asking for `page=N+1` until a page comes back short.
 */
export function pageNumberedInfo(count: number, page: number, perPage: number, total: number): ResultInfo {
  return { count, page, per_page: perPage, total_count: total };
}

function page_(items: MessageRecord[], from: number, to: number, matching: MessageRecord[], perPage: number, fingerprint: string, opaque: boolean): SearchPage {
  const first = items[0];
  const last = items[items.length - 1];
  return {
    items,
    resultInfo: {
      count: items.length,
      per_page: perPage,
      total_count: 0,
      next: last && to < matching.length ? encodeCursor({ d: "n", t: last.scannedAt, i: last.id, f: fingerprint }, opaque) : null,
      previous: first && from > 0 ? encodeCursor({ d: "p", t: first.scannedAt, i: first.id, f: fingerprint }, opaque) : null,
    },
  };
}
