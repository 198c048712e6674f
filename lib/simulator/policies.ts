// Email Security settings the console reads and changes: blocked senders and allow policies, at
// Cloudflare's paths (/accounts/{id}/email-security/settings/{block_senders,allow_policies}) and
// in its envelope, paged by page/per_page as the real API pages them.
//
// Requests are held to the published description (email-security-settings.openapi.json), never to
// what the console happens to send: every flag is read from the body as sent (nothing is derived
// from another field), every PATCH field is applied or refused, and anything the description does
// not have, marks read-only, or has retired is refused with Cloudflare's 400 envelope.
import type { AllowPolicyListResponse } from "cloudflare/resources/email-security/settings/allow-policies";
import type { BlockSenderListResponse } from "cloudflare/resources/email-security/settings/block-senders";
import { ApiError, badRequest, conflict, ERROR_CODES, notFound, successResponse, type PageResultInfo } from "./envelope";
import type { Dataset } from "./generate";
import { ipPatternProblem } from "./ip-rule";
import { createRng, deterministicUuid, hashString } from "./prng";
import { isoSeconds } from "./serialize";
import { MALICIOUS_DOMAINS, PARTNER_DOMAINS, SAAS_DOMAINS, SPAM_DOMAINS } from "./vocab";

/** UNKNOWN is in the enum for old entries only: it cannot be created or set. */
const SETTABLE_PATTERN_TYPES = ["EMAIL", "DOMAIN", "IP"] as const;
const LISTED_PATTERN_TYPES = [...SETTABLE_PATTERN_TYPES, "UNKNOWN"] as const;
type PatternType = (typeof LISTED_PATTERN_TYPES)[number];

const ALLOW_FLAGS = ["is_trusted_sender", "is_acceptable_sender", "is_exempt_recipient", "verify_sender"] as const;
type AllowFlag = (typeof ALLOW_FLAGS)[number];
/** The aliases retired on July 1, 2026 (the description: "End of life: July 1, 2026"), and what replaced each. */
const RETIRED_ALLOW_FLAGS: Record<string, AllowFlag> = { is_sender: "is_trusted_sender", is_spoof: "is_acceptable_sender", is_recipient: "is_exempt_recipient" };
const READ_ONLY = ["id", "created_at", "modified_at", "last_modified"];
const BLOCK_FIELDS = ["pattern", "pattern_type", "is_regex", "comments"];
const MAX_TEXT = 1024;

interface PolicyRecord {
  id: string;
  pattern: string;
  patternType: PatternType;
  isRegex: boolean;
  comments: string | null;
  createdAt: number;
  modifiedAt: number;
}

interface AllowRecord extends PolicyRecord {
  flags: Record<AllowFlag, boolean>;
  /**
   * An entry made before July 2025 with the old names only: its reply carries `is_sender` /
   * `is_spoof` / `is_recipient` and none of the new flags, as old entries may.
   */
  legacy: Partial<Record<keyof typeof RETIRED_ALLOW_FLAGS, boolean>> | null;
}

export function serializeBlock(p: PolicyRecord) {
  return {
    id: p.id,
    pattern: p.pattern,
    pattern_type: p.patternType,
    is_regex: p.isRegex,
    comments: p.comments,
    created_at: isoSeconds(p.createdAt),
    last_modified: isoSeconds(p.modifiedAt),
    modified_at: isoSeconds(p.modifiedAt),
  } satisfies BlockSenderListResponse;
}

export function serializeAllow(p: AllowRecord): AllowPolicyListResponse {
  if (p.legacy) return { ...serializeBlock(p), ...p.legacy };
  return { ...serializeBlock(p), ...p.flags };
}

const DAY = 86_400_000;
/** Where entries the console made in the seeded history point back to (a fake console host). */
const SEED_CONSOLE = "https://triage.acme.example";

const NO_FLAGS: Record<AllowFlag, boolean> = { is_trusted_sender: false, is_acceptable_sender: false, is_exempt_recipient: false, verify_sender: false };

export class PolicyStore {
  readonly blocks: PolicyRecord[] = [];
  readonly allows: AllowRecord[] = [];
  private counter = 0;

  constructor(
    private readonly seed: number,
    data: Dataset,
    now: number,
  ) {
    const r = createRng(hashString("policies", seed));
    const at = () => now - r.int(2, 400) * DAY + r.int(0, DAY - 1);
    for (const domain of [...MALICIOUS_DOMAINS.slice(0, 5), ...SPAM_DOMAINS.slice(0, 4)]) {
      this.blocks.push(this.block(domain, "DOMAIN", false, r.pick(BLOCK_REASONS), at()));
    }
    this.blocks.push(this.block("^billing-[0-9]+@.*\\.invalid$", "EMAIL", true, "Numbered billing senders used by a 2026 invoice-fraud wave", at()));
    this.blocks.push(this.block("198.51.100.0/24", "IP", false, "Bulletproof hosting range (threat-intel feed)", at()));
    // Entries the console made from messages: their comments carry the message link.
    // Not the wave campaigns (appended to the data set later): the seeded history stays what
    // journeys and the demo expect (payroll-notice@acme-payro11.test blocked as an address), and a
    // campaign the overview should find still has senders nobody blocked.
    const wave = data.fixtures.waveCampaigns.edfHash;
    const flagged = data.messages.filter(
      (m) => m.disposition === "MALICIOUS" && m.edfHash !== wave && !MALICIOUS_DOMAINS.slice(0, 5).some((d) => m.from.endsWith(`@${d}`)),
    );
    for (const m of flagged.slice(0, 6)) {
      if (this.blocks.some((b) => b.pattern === m.from.toLowerCase())) continue;
      const comment = `From message ${SEED_CONSOLE}/messages/${encodeURIComponent(m.id)} — "${m.subject.slice(0, 120)}"`;
      this.blocks.push(this.block(m.from.toLowerCase(), "EMAIL", false, comment, Math.min(now, m.scannedAt + r.int(1, 48) * 3_600_000)));
    }
    this.blocks.push(this.block("legacy-sender@old.invalid", "UNKNOWN", false, null, now - 700 * DAY));

    for (const domain of PARTNER_DOMAINS.slice(0, 4)) {
      this.allows.push(this.allow(domain, "DOMAIN", { is_acceptable_sender: true, verify_sender: true }, `Partner ${domain}: newsletters were flagged as bulk`, at()));
    }
    for (const domain of SAAS_DOMAINS.slice(0, 3)) {
      this.allows.push(this.allow(domain, "DOMAIN", { is_trusted_sender: true, verify_sender: true }, "Business-critical SaaS notifications", at()));
    }
    this.allows.push(this.allow("phish-reports@acme.example", "EMAIL", { is_exempt_recipient: true }, "Security mailbox receives samples on purpose", at()));
    this.allows.push({
      ...this.allow("relay.legacy-partner.example", "DOMAIN", {}, "Old partner relay (made before the 2025 renaming)", now - 600 * DAY),
      legacy: { is_sender: false, is_spoof: true, is_recipient: false },
    });
  }

  private nextId(label: string): string {
    this.counter += 1;
    // UUIDs, as the description's ids are; deterministic per seed and creation order.
    return deterministicUuid(this.seed, `${label}:${this.counter}`);
  }

  private block(pattern: string, patternType: PatternType, isRegex: boolean, comments: string | null, at: number): PolicyRecord {
    return { id: this.nextId("block"), pattern, patternType, isRegex, comments, createdAt: at, modifiedAt: at };
  }

  private allow(pattern: string, patternType: PatternType, flags: Partial<Record<AllowFlag, boolean>>, comments: string | null, at: number): AllowRecord {
    return { ...this.block(pattern, patternType, false, comments, at), id: this.nextId("allow"), flags: { ...NO_FLAGS, ...flags }, legacy: null };
  }

  route(method: string, list: "block_senders" | "allow_policies", id: string | undefined, params: URLSearchParams, body: unknown, now: number): Response {
    const isBlock = list === "block_senders";
    const records: PolicyRecord[] = isBlock ? this.blocks : this.allows;
    const serialize = (p: PolicyRecord) => (isBlock ? serializeBlock(p) : serializeAllow(p as AllowRecord));
    if (id === undefined) {
      if (method === "GET") {
        const page = pageOf(filterPolicies(records, params, isBlock), params, records.length);
        return successResponse(page.items.map(serialize), { resultInfo: page.resultInfo });
      }
      if (method === "POST") {
        const input = readCreateBody(body, isBlock);
        this.refuseDuplicate(records, input.pattern, input.pattern_type, isBlock);
        const created = isBlock
          ? this.block(input.pattern, input.pattern_type, input.is_regex, input.comments, now)
          : this.allow(input.pattern, input.pattern_type, input.flags, input.comments, now);
        records.unshift(created);
        return successResponse(serialize(created), { status: 201 });
      }
      throw methodNotAllowed();
    }
    // The path parameter is a UUID in the description (older accounts used integers).
    if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id)) throw badRequest(`Invalid ${isBlock ? "pattern_id" : "policy_id"}: must be a UUID`, "/id");
    const index = records.findIndex((p) => p.id === id);
    if (method !== "GET" && method !== "PATCH" && method !== "DELETE") throw methodNotAllowed();
    const found = records[index];
    if (!found) throw notFound(isBlock ? "Blocked sender not found" : "Allow policy not found");
    if (method === "GET") return successResponse(serialize(found));
    if (method === "DELETE") {
      records.splice(index, 1);
      return successResponse({ id });
    }
    const patch = readPatchBody(body, isBlock, found);
    if (patch.pattern !== found.pattern || patch.pattern_type !== found.patternType) {
      this.refuseDuplicate(records.filter((p) => p !== found), patch.pattern, patch.pattern_type, isBlock);
    }
    found.pattern = patch.pattern;
    found.patternType = patch.pattern_type;
    found.isRegex = patch.is_regex;
    found.comments = patch.comments;
    if (!isBlock) {
      const allow = found as AllowRecord;
      // A legacy entry that is edited is stored under the new names from then on.
      if (allow.legacy && Object.keys(patch.flags).length > 0) {
        allow.flags = { ...NO_FLAGS, ...legacyFlags(allow.legacy) };
        allow.legacy = null;
      }
      Object.assign(allow.flags, patch.flags);
    }
    found.modifiedAt = now;
    return successResponse(serialize(found));
  }

  private refuseDuplicate(records: PolicyRecord[], pattern: string, type: PatternType, isBlock: boolean): void {
    if (records.some((p) => p.pattern.toLowerCase() === pattern.toLowerCase() && p.patternType === type)) {
      throw conflict(`A ${isBlock ? "blocked sender" : "allow policy"} with this pattern already exists`);
    }
  }
}

function legacyFlags(legacy: NonNullable<AllowRecord["legacy"]>): Partial<Record<AllowFlag, boolean>> {
  return Object.fromEntries(Object.entries(legacy).map(([old, value]) => [RETIRED_ALLOW_FLAGS[old], value]));
}

const BLOCK_REASONS = [
  "Credential-phishing campaign reported by several users",
  "Lookalike domain registered last week (INC-2291)",
  "Repeated spam waves despite unsubscribe",
  "Malware attachments, confirmed by sandbox",
];

function methodNotAllowed(): ApiError {
  return new ApiError(405, [{ code: ERROR_CODES.methodNotAllowed, message: "Method not allowed for this route" }]);
}

function objectBody(body: unknown): Record<string, unknown> {
  if (!body || typeof body !== "object" || Array.isArray(body)) throw badRequest("Request body must be a JSON object", "/");
  return body as Record<string, unknown>;
}

/** Fields the description has no place for in this body, or marks read-only, or has retired: each refused by name. */
function refuseForeignFields(body: Record<string, unknown>, isBlock: boolean): void {
  for (const key of Object.keys(body)) {
    if (READ_ONLY.includes(key)) throw badRequest(`${key} is read-only`, `/${key}`);
    if (!isBlock && key in RETIRED_ALLOW_FLAGS) {
      throw badRequest(`${key} was deprecated on July 1, 2025 and reached its end of life on July 1, 2026: use ${RETIRED_ALLOW_FLAGS[key]}`, `/${key}`);
    }
    const known = isBlock ? BLOCK_FIELDS : [...BLOCK_FIELDS, ...ALLOW_FLAGS];
    if (!known.includes(key)) throw badRequest(`Unknown field ${key}`, `/${key}`);
  }
}

function readBool(body: Record<string, unknown>, key: string): boolean {
  if (typeof body[key] !== "boolean") throw badRequest(`${key} must be a boolean`, `/${key}`);
  return body[key];
}

function readPattern(body: Record<string, unknown>): string {
  const v = body.pattern;
  if (typeof v !== "string" || v.length < 1 || v.length > MAX_TEXT) throw badRequest(`pattern must be a string of 1 to ${MAX_TEXT} characters`, "/pattern");
  return v;
}

function readPatternType(body: Record<string, unknown>): PatternType {
  const v = body.pattern_type;
  if (v === "UNKNOWN") throw badRequest("pattern_type UNKNOWN is deprecated and cannot be used when creating or updating policies", "/pattern_type");
  if (!(SETTABLE_PATTERN_TYPES as readonly unknown[]).includes(v)) throw badRequest(`pattern_type must be one of: ${SETTABLE_PATTERN_TYPES.join(", ")}`, "/pattern_type");
  return v as PatternType;
}

function readComments(body: Record<string, unknown>): string | null {
  const v = body.comments;
  if (v === undefined || v === null) return null;
  if (typeof v !== "string" || v.length > MAX_TEXT) throw badRequest(`comments must be a string of at most ${MAX_TEXT} characters, or null`, "/comments");
  return v;
}

const EMAIL = /^[^\s@]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)+$/;
const DOMAIN = /^(?=.{1,253}$)(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z][A-Za-z0-9-]{0,61}[A-Za-z0-9]$/;

/** "The format depends on pattern_type": a literal pattern must be what its type says. */
function checkPatternFormat(pattern: string, type: PatternType, isRegex: boolean): void {
  if (isRegex) {
    try {
      new RegExp(pattern);
    } catch {
      throw badRequest("pattern is not a valid regular expression", "/pattern");
    }
    return;
  }
  const problem =
    type === "EMAIL" ? (EMAIL.test(pattern) ? null : "must be a valid email address") : type === "DOMAIN" ? (DOMAIN.test(pattern) ? null : "must be a valid domain name") : ipPatternProblem(pattern);
  if (problem) throw badRequest(`pattern ${problem} for pattern_type ${type}`, "/pattern");
}

function readCreateBody(raw: unknown, isBlock: boolean) {
  const body = objectBody(raw);
  refuseForeignFields(body, isBlock);
  const pattern = readPattern(body);
  const pattern_type = readPatternType(body);
  const is_regex = readBool(body, "is_regex");
  checkPatternFormat(pattern, pattern_type, is_regex);
  // Every flag the description requires is read as sent: none is derived from another.
  const flags = isBlock ? {} : Object.fromEntries(ALLOW_FLAGS.map((flag) => [flag, readBool(body, flag)]));
  return { pattern, pattern_type, is_regex, comments: readComments(body), flags };
}

/** "Only provided fields will be modified": each provided field is checked and applied, the rest kept. */
function readPatchBody(raw: unknown, isBlock: boolean, current: PolicyRecord) {
  const body = objectBody(raw);
  refuseForeignFields(body, isBlock);
  const pattern = "pattern" in body ? readPattern(body) : current.pattern;
  const pattern_type = "pattern_type" in body ? readPatternType(body) : current.patternType;
  const is_regex = "is_regex" in body ? readBool(body, "is_regex") : current.isRegex;
  if ("pattern" in body || "pattern_type" in body || "is_regex" in body) {
    if (pattern_type === "UNKNOWN") throw badRequest("pattern_type UNKNOWN cannot be kept when the pattern changes: set pattern_type", "/pattern_type");
    checkPatternFormat(pattern, pattern_type, is_regex);
  }
  const comments = "comments" in body ? readComments(body) : current.comments;
  const flags: Partial<Record<AllowFlag, boolean>> = {};
  if (!isBlock) for (const flag of ALLOW_FLAGS) if (flag in body) flags[flag] = readBool(body, flag);
  return { pattern, pattern_type, is_regex, comments, flags };
}

function filterPolicies<T extends PolicyRecord>(records: T[], params: URLSearchParams, isBlock: boolean): T[] {
  const search = params.get("search")?.toLowerCase();
  const pattern = params.get("pattern")?.toLowerCase();
  const patternType = params.get("pattern_type");
  if (patternType && !(LISTED_PATTERN_TYPES as readonly string[]).includes(patternType)) throw badRequest(`pattern_type must be one of: ${LISTED_PATTERN_TYPES.join(", ")}`, "/query/pattern_type");
  const order = params.get("order") ?? "created_at";
  if (order !== "pattern" && order !== "created_at") throw badRequest("order must be pattern or created_at", "/query/order");
  const direction = params.get("direction") ?? (order === "created_at" ? "desc" : "asc");
  if (direction !== "asc" && direction !== "desc") throw badRequest("direction must be asc or desc", "/query/direction");
  const flags: [AllowFlag, boolean][] = [];
  if (!isBlock) {
    for (const flag of ALLOW_FLAGS) {
      const value = params.get(flag);
      if (value === null) continue;
      if (value !== "true" && value !== "false") throw badRequest(`${flag} must be true or false`, `/query/${flag}`);
      flags.push([flag, value === "true"]);
    }
  }
  const flagOf = (p: T, flag: AllowFlag) => {
    const allow = p as unknown as AllowRecord;
    return allow.legacy ? (legacyFlags(allow.legacy)[flag] ?? false) : allow.flags[flag];
  };
  const rows = records.filter(
    (p) =>
      (!search || p.pattern.toLowerCase().includes(search) || (p.comments ?? "").toLowerCase().includes(search)) &&
      (!pattern || p.pattern.toLowerCase() === pattern) &&
      (!patternType || p.patternType === patternType) &&
      flags.every(([flag, value]) => flagOf(p, flag) === value),
  );
  const sign = direction === "asc" ? 1 : -1;
  return rows.sort((a, b) => sign * (order === "pattern" ? a.pattern.localeCompare(b.pattern) : a.createdAt - b.createdAt || a.id.localeCompare(b.id)));
}

/**
 * page/per_page paging as the settings and submissions lists answer it (V4PagePaginationArray).
 * `total_count` is, in the description's words, the "total results available without any search
 * parameters": the size of the whole list, not of this search, so a client cannot page by it.
 */
export function pageOf<T>(items: T[], params: URLSearchParams, unfiltered: number): { items: T[]; resultInfo: PageResultInfo } {
  const page = readInt(params, "page", 1, 1, 1_000_000);
  const perPage = readInt(params, "per_page", 20, 1, 1000);
  const slice = items.slice((page - 1) * perPage, page * perPage);
  return { items: slice, resultInfo: { count: slice.length, page, per_page: perPage, total_count: unfiltered } };
}

function readInt(params: URLSearchParams, key: string, fallback: number, min: number, max: number): number {
  const raw = params.get(key);
  if (raw === null || raw === "") return fallback;
  if (!/^\d+$/.test(raw) || Number(raw) < min || Number(raw) > max) throw badRequest(`${key} must be an integer between ${min} and ${max}`, `/query/${key}`);
  return Number(raw);
}
