// Email Security settings the console reads and changes: blocked senders and allow policies, at
// Cloudflare's paths (/accounts/{id}/email-security/settings/{block_senders,allow_policies}) and
// in its envelope, paged by page/per_page as the real API pages them.
import type { AllowPolicyListResponse } from "cloudflare/resources/email-security/settings/allow-policies";
import type { BlockSenderListResponse } from "cloudflare/resources/email-security/settings/block-senders";
import { ApiError, badRequest, conflict, ERROR_CODES, notFound, successResponse, type ResultInfo } from "./envelope";
import type { Dataset } from "./generate";
import { createRng, hashString } from "./prng";
import { isoSeconds } from "./serialize";
import { MALICIOUS_DOMAINS, PARTNER_DOMAINS, SAAS_DOMAINS, SPAM_DOMAINS } from "./vocab";

const PATTERN_TYPES = ["EMAIL", "DOMAIN", "IP"] as const;
type PatternType = (typeof PATTERN_TYPES)[number];

interface PolicyRecord {
  id: string;
  pattern: string;
  patternType: PatternType | "UNKNOWN";
  isRegex: boolean;
  comments: string | null;
  createdAt: number;
  modifiedAt: number;
}

interface AllowRecord extends PolicyRecord {
  trustedSender: boolean;
  acceptableSender: boolean;
  exemptRecipient: boolean;
  verifySender: boolean;
  spoof: boolean;
  sender: boolean;
  recipient: boolean;
}

export function serializeBlock(p: PolicyRecord): Required<BlockSenderListResponse> {
  return {
    id: p.id,
    pattern: p.pattern,
    pattern_type: p.patternType,
    is_regex: p.isRegex,
    comments: p.comments,
    created_at: isoSeconds(p.createdAt),
    last_modified: isoSeconds(p.modifiedAt),
    modified_at: isoSeconds(p.modifiedAt),
  };
}

export function serializeAllow(p: AllowRecord): Required<AllowPolicyListResponse> {
  return {
    ...serializeBlock(p),
    is_trusted_sender: p.trustedSender,
    is_acceptable_sender: p.acceptableSender,
    is_exempt_recipient: p.exemptRecipient,
    verify_sender: p.verifySender,
    is_spoof: p.spoof,
    is_sender: p.sender,
    is_recipient: p.recipient,
  };
}

const DAY = 86_400_000;
/** Where entries the console made in the seeded history point back to (a fake console host). */
const SEED_CONSOLE = "https://triage.acme.example";

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
    const flagged = data.messages.filter((m) => m.disposition === "MALICIOUS" && !MALICIOUS_DOMAINS.slice(0, 5).some((d) => m.from.endsWith(`@${d}`)));
    for (const m of flagged.slice(0, 6)) {
      if (this.blocks.some((b) => b.pattern === m.from.toLowerCase())) continue;
      const comment = `From message ${SEED_CONSOLE}/messages/${encodeURIComponent(m.id)} — "${m.subject.slice(0, 120)}"`;
      this.blocks.push(this.block(m.from.toLowerCase(), "EMAIL", false, comment, Math.min(now, m.scannedAt + r.int(1, 48) * 3_600_000)));
    }
    this.blocks.push({ ...this.block("legacy-sender@old.invalid", "EMAIL", false, null, now - 700 * DAY), patternType: "UNKNOWN" });

    for (const domain of PARTNER_DOMAINS.slice(0, 4)) {
      this.allows.push(this.allow(domain, "DOMAIN", { acceptableSender: true, verifySender: true }, `Partner ${domain}: newsletters were flagged as bulk`, at()));
    }
    for (const domain of SAAS_DOMAINS.slice(0, 3)) {
      this.allows.push(this.allow(domain, "DOMAIN", { trustedSender: true, verifySender: true }, "Business-critical SaaS notifications", at()));
    }
    this.allows.push(this.allow("phish-reports@acme.example", "EMAIL", { exemptRecipient: true, verifySender: false }, "Security mailbox receives samples on purpose", at()));
  }

  private nextId(label: string): string {
    this.counter += 1;
    // 32 hex characters, like Cloudflare's policy ids; deterministic per seed and creation order.
    const r = createRng(hashString(`${label}:${this.counter}`, this.seed));
    return r.hex(32);
  }

  private block(pattern: string, patternType: PatternType | "UNKNOWN", isRegex: boolean, comments: string | null, at: number): PolicyRecord {
    return { id: this.nextId("block"), pattern, patternType, isRegex, comments, createdAt: at, modifiedAt: at };
  }

  private allow(
    pattern: string,
    patternType: PatternType,
    kind: Partial<Pick<AllowRecord, "trustedSender" | "acceptableSender" | "exemptRecipient" | "verifySender">>,
    comments: string | null,
    at: number,
  ): AllowRecord {
    return {
      ...this.block(pattern, patternType, false, comments, at),
      id: this.nextId("allow"),
      trustedSender: kind.trustedSender ?? false,
      acceptableSender: kind.acceptableSender ?? false,
      exemptRecipient: kind.exemptRecipient ?? false,
      verifySender: kind.verifySender ?? false,
      spoof: false,
      sender: !kind.exemptRecipient,
      recipient: kind.exemptRecipient ?? false,
    };
  }

  route(method: string, list: "block_senders" | "allow_policies", id: string | undefined, params: URLSearchParams, body: unknown, now: number): Response {
    const isBlock = list === "block_senders";
    const records: PolicyRecord[] = isBlock ? this.blocks : this.allows;
    const serialize = (p: PolicyRecord) => (isBlock ? serializeBlock(p) : serializeAllow(p as AllowRecord));
    if (id === undefined) {
      if (method === "GET") {
        const filtered = filterPolicies(records, params, isBlock);
        const page = pageOf(filtered, params);
        return successResponse(page.items.map(serialize), { resultInfo: page.resultInfo });
      }
      if (method === "POST") {
        const input = readPolicyBody(body, isBlock);
        if (records.some((p) => p.pattern.toLowerCase() === input.pattern.toLowerCase() && p.patternType === input.patternType)) {
          throw conflict(`A ${isBlock ? "blocked sender" : "allow policy"} with this pattern already exists`);
        }
        const created = isBlock
          ? this.block(input.pattern, input.patternType, input.isRegex, input.comments, now)
          : this.allow(input.pattern, input.patternType, input.kind, input.comments, now);
        if (!isBlock) Object.assign(created, { spoof: input.spoof });
        records.unshift(created);
        return successResponse(serialize(created));
      }
      throw methodNotAllowed();
    }
    if (!/^[A-Za-z0-9_-]{1,64}$/.test(id)) throw badRequest("Invalid policy id", "/id");
    const index = records.findIndex((p) => p.id === id);
    if (method === "GET" || method === "PATCH" || method === "DELETE") {
      const found = records[index];
      if (!found) throw notFound(isBlock ? "Blocked sender not found" : "Allow policy not found");
      if (method === "GET") return successResponse(serialize(found));
      if (method === "DELETE") {
        records.splice(index, 1);
        return successResponse({ id });
      }
      const patch = objectBody(body);
      if ("comments" in patch) {
        if (patch.comments !== null && typeof patch.comments !== "string") throw badRequest("comments must be a string or null", "/comments");
        found.comments = patch.comments as string | null;
      }
      found.modifiedAt = now;
      return successResponse(serialize(found));
    }
    throw methodNotAllowed();
  }
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

function readBool(body: Record<string, unknown>, key: string, required: boolean): boolean {
  const value = body[key];
  if (value === undefined && !required) return false;
  if (typeof value !== "boolean") throw badRequest(`${key} is required and must be a boolean`, `/${key}`);
  return value;
}

function readPolicyBody(raw: unknown, isBlock: boolean) {
  const body = objectBody(raw);
  if (typeof body.pattern !== "string" || body.pattern.trim() === "") throw badRequest("pattern is required", "/pattern");
  if (!PATTERN_TYPES.includes(body.pattern_type as PatternType)) throw badRequest(`pattern_type must be one of: ${PATTERN_TYPES.join(", ")}`, "/pattern_type");
  if (body.comments !== undefined && body.comments !== null && typeof body.comments !== "string") throw badRequest("comments must be a string", "/comments");
  const kind = isBlock
    ? {}
    : {
        trustedSender: readBool(body, "is_trusted_sender", true),
        acceptableSender: readBool(body, "is_acceptable_sender", true),
        exemptRecipient: readBool(body, "is_exempt_recipient", true),
        verifySender: readBool(body, "verify_sender", true),
      };
  return {
    pattern: body.pattern.trim(),
    patternType: body.pattern_type as PatternType,
    isRegex: readBool(body, "is_regex", true),
    comments: (body.comments as string | null | undefined) ?? null,
    kind,
    spoof: isBlock ? false : readBool(body, "is_spoof", false),
  };
}

const ALLOW_FLAGS: Record<string, keyof AllowRecord> = {
  is_trusted_sender: "trustedSender",
  is_acceptable_sender: "acceptableSender",
  is_exempt_recipient: "exemptRecipient",
  verify_sender: "verifySender",
};

function filterPolicies<T extends PolicyRecord>(records: T[], params: URLSearchParams, isBlock: boolean): T[] {
  const search = params.get("search")?.toLowerCase();
  const pattern = params.get("pattern")?.toLowerCase();
  const patternType = params.get("pattern_type");
  if (patternType && ![...PATTERN_TYPES, "UNKNOWN"].includes(patternType)) throw badRequest("pattern_type is invalid", "/query/pattern_type");
  const order = params.get("order") ?? "created_at";
  if (order !== "pattern" && order !== "created_at") throw badRequest("order must be pattern or created_at", "/query/order");
  const direction = params.get("direction") ?? (order === "created_at" ? "desc" : "asc");
  if (direction !== "asc" && direction !== "desc") throw badRequest("direction must be asc or desc", "/query/direction");
  const flags = isBlock ? [] : Object.entries(ALLOW_FLAGS).filter(([key]) => params.has(key));
  const rows = records.filter(
    (p) =>
      (!search || p.pattern.toLowerCase().includes(search) || (p.comments ?? "").toLowerCase().includes(search)) &&
      (!pattern || p.pattern.toLowerCase() === pattern) &&
      (!patternType || p.patternType === patternType) &&
      flags.every(([key, field]) => String((p as unknown as AllowRecord)[field]) === params.get(key)),
  );
  const sign = direction === "asc" ? 1 : -1;
  return rows.sort((a, b) => sign * (order === "pattern" ? a.pattern.localeCompare(b.pattern) : a.createdAt - b.createdAt || a.id.localeCompare(b.id)));
}

/** page/per_page paging as the settings and submissions lists answer it (V4PagePaginationArray). */
export function pageOf<T>(items: T[], params: URLSearchParams): { items: T[]; resultInfo: ResultInfo } {
  const page = readInt(params, "page", 1, 1, 1_000_000);
  const perPage = readInt(params, "per_page", 20, 1, 100);
  const slice = items.slice((page - 1) * perPage, page * perPage);
  return { items: slice, resultInfo: { count: slice.length, page, per_page: perPage, total_count: items.length } };
}

function readInt(params: URLSearchParams, key: string, fallback: number, min: number, max: number): number {
  const raw = params.get(key);
  if (raw === null || raw === "") return fallback;
  if (!/^\d+$/.test(raw) || Number(raw) < min || Number(raw) > max) throw badRequest(`${key} must be an integer between ${min} and ${max}`, `/query/${key}`);
  return Number(raw);
}
