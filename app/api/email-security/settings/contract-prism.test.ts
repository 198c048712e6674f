// Contract tests against an independent implementation, for every settings and submissions
// operation the console calls: blocked senders and allow policies (list, create, edit, delete),
// the submissions list and PhishGuard reports, through the console's own route handlers, with Stoplight Prism
// serving Cloudflare's settings description as the upstream. As for Investigate
// (../investigate/contract-prism.test.ts): replies generated from the description's schemas,
// seeded so a failure replays, and every request the console sends validated by Prism.
import { describe, expect, it } from "vitest";
import { hasNextPage } from "@/lib/policies/types";
import { SUBMISSION_ORDERS, SUBMISSION_TYPES } from "@/lib/schemas/submissions";
import { SEARCH_DISPOSITIONS } from "@/lib/schemas/enums";
import { PATTERN_TYPES } from "@/lib/schemas/policies";
import { contractProblems } from "@/lib/simulator/contract-validator";
import { deprecatedFieldsSent } from "@/lib/testing/deprecated-fields";
import { describeExchange, undeclaredQueryKeys, type ContractOperation, type Json, type RouteResult } from "@/lib/testing/contract-suite";
import { readSettingsDescription } from "@/lib/testing/description";
import { SETTINGS_DESCRIPTION_PATH } from "@/lib/testing/prism";
import { usePrismUpstream } from "@/lib/testing/prism-upstream";
import { callRoute } from "@/lib/testing/routes";
import { readFileSync } from "node:fs";
import { GET as listAllows, POST as createAllow } from "./allow_policies/route";
import { DELETE as deleteAllow, PATCH as editAllow } from "./allow_policies/[policyId]/route";
import { GET as listBlocks, POST as createBlock } from "./block_senders/route";
import { DELETE as deleteBlock, PATCH as editBlock } from "./block_senders/[policyId]/route";
import { GET as senderStatus } from "./sender_status/route";
import { GET as listSubmissions } from "../submissions/route";
import { GET as listPhishguardReports } from "../phishguard/reports/route";

const upstream = usePrismUpstream({ seed: "triage-settings-contract", description: JSON.parse(readFileSync(SETTINGS_DESCRIPTION_PATH, "utf8")) });
const description = readSettingsDescription();

const API = "/api/email-security/settings";
/** Entry ids are UUIDs in the description (Prism refuses anything else in the path). */
const ENTRY_ID = "f174e90a-fafe-4643-bbbc-4a0ed4fc8415";
const SEEDS = ["1", "2", "3", "4", "5"];

const entry = { params: { policyId: ENTRY_ID } };
const blockBody = { pattern: "billing@evil-contract.example", pattern_type: "EMAIL", is_regex: false, comments: "contract test" };
const allowBody = { pattern: "partner-contract.example", pattern_type: "DOMAIN", is_regex: false, kind: "is_acceptable_sender", verify_sender: true };

/** A list as the page reads it: every entry Cloudflare sent is shown or counted, and paging is by what came. */
/** The page size the console goes by: Cloudflare's when it is a smaller whole number than asked (a cap), else the one asked. */
const perPageUsed = (sent: Json, asked: number) => {
  const used = sent.result_info?.per_page;
  return Number.isInteger(used) && used >= 1 && used <= asked ? used : asked;
};

/** A list reply's entries: `result` is optional in the description's envelope, and then the list is empty. */
const entriesOf = (sent: Json): Json[] => (Array.isArray(sent.result) ? sent.result : []);

function expectPolicyPage(route: Json, sent: Json, query: { page: number; per_page: number }) {
  const received = entriesOf(sent).length;
  expect(route.result.length + route.unreadable).toBe(received);
  // An entry is unreadable only when it has no pattern (the description makes every field optional).
  expect(route.unreadable).toBe(entriesOf(sent).filter((e: Json) => typeof e.pattern !== "string" || e.pattern === "").length);
  expect(route.result_info).toEqual({ page: query.page, per_page: perPageUsed(sent, query.per_page), count: received });
  expect(hasNextPage(route.result_info)).toBe(received > 0 && received >= route.result_info.per_page);
  const shown = entriesOf(sent).filter((e: Json) => typeof e.pattern === "string" && e.pattern !== "");
  expect(route.result.map((e: Json) => [e.id, e.pattern])).toEqual(shown.map((e: Json) => [e.id ?? null, e.pattern]));
}

/** The kind an allow entry shows: its current flags, or the retired aliases when it has none. */
function expectedKind(e: Json): string | null {
  const current = [e.is_trusted_sender, e.is_acceptable_sender, e.is_exempt_recipient];
  const [trusted, acceptable, exempt] = current.every((f) => typeof f !== "boolean") ? [e.is_sender, e.is_spoof, e.is_recipient] : current;
  return trusted === true ? "is_trusted_sender" : acceptable === true ? "is_acceptable_sender" : exempt === true ? "is_exempt_recipient" : null;
}

const operations: ContractOperation[] = [
  {
    operationId: "email_security_list_blocked_senders",
    call: () => callRoute(listBlocks, `${API}/block_senders`, { query: "per_page=10&page=2" }),
    status: 200,
    consume: (route, sent) => expectPolicyPage(route, sent, { page: 2, per_page: 10 }),
  },
  {
    operationId: "email_security_create_blocked_sender",
    call: () => callRoute(createBlock, `${API}/block_senders`, { body: blockBody }),
    status: 201,
    // Saved whatever the reply leaves out: its id may be missing (then null), the rest is what was sent.
    consume: (route, sent) => expect(route.result).toMatchObject({ id: sent.result.id ?? null, pattern: sent.result.pattern ?? blockBody.pattern }),
  },
  {
    operationId: "email_security_update_blocked_sender",
    call: () => callRoute(editBlock, `${API}/block_senders/x`, { ...entry, method: "PATCH", body: { comments: "edited" } }),
    status: 200,
    consume: (route, sent) => expect(route.result.id).toBe(sent.result.id ?? ENTRY_ID),
  },
  {
    operationId: "email_security_delete_blocked_sender",
    call: () => callRoute(deleteBlock, `${API}/block_senders/x`, { ...entry, method: "DELETE" }),
    status: 200,
    consume: (route, sent) => expect(route.result).toEqual({ id: sent.result.id }),
  },
  {
    operationId: "email_security_list_allow_policies",
    call: () => callRoute(listAllows, `${API}/allow_policies`, { query: "per_page=10" }),
    status: 200,
    consume: (route, sent) => {
      expectPolicyPage(route, sent, { page: 1, per_page: 10 });
      const shown = entriesOf(sent).filter((e: Json) => typeof e.pattern === "string" && e.pattern !== "");
      expect(route.result.map((e: Json) => e.kind)).toEqual(shown.map(expectedKind));
      for (const e of route.result) expect(e).not.toHaveProperty("is_spoof");
    },
  },
  {
    operationId: "email_security_create_allow_policy",
    call: () => callRoute(createAllow, `${API}/allow_policies`, { body: allowBody }),
    status: 201,
    consume: (route, sent) => expect(route.result).toMatchObject({ id: sent.result.id ?? null, pattern: sent.result.pattern ?? allowBody.pattern }),
  },
  {
    operationId: "email_security_update_allow_policy",
    call: () => callRoute(editAllow, `${API}/allow_policies/x`, { ...entry, method: "PATCH", body: { comments: null } }),
    status: 200,
    consume: (route, sent) => expect(route.result.id).toBe(sent.result.id ?? ENTRY_ID),
  },
  {
    operationId: "email_security_delete_allow_policy",
    call: () => callRoute(deleteAllow, `${API}/allow_policies/x`, { ...entry, method: "DELETE" }),
    status: 200,
    consume: (route, sent) => expect(route.result).toEqual({ id: sent.result.id }),
  },
  {
    operationId: "email_security_submissions",
    call: () => callRoute(listSubmissions, "/api/email-security/submissions", { query: "per_page=10" }),
    status: 200,
    consume: (route, sent) => {
      expect(route.unreadable).toBe(0);
      expect(route.result.map((s: Json) => [s.submission_id, s.customer_status ?? null, s.status ?? null])).toEqual(
        entriesOf(sent).map((s: Json) => [s.submission_id, s.customer_status ?? null, s.status ?? null]),
      );
      expect(route.result_info).toEqual({ page: 1, per_page: perPageUsed(sent, 10), count: entriesOf(sent).length });
    },
  },
  {
    operationId: "email_security_get_phishguard_reports",
    call: () =>
      callRoute(listPhishguardReports, "/api/email-security/phishguard/reports", {
        query: new URLSearchParams({ start: new Date(Date.now() - 7 * 864e5).toISOString(), end: new Date().toISOString() }).toString(),
      }),
    status: 200,
    // Every report Cloudflare sent is shown or counted (a report is read one by one).
    consume: (route, sent) => expect(route.result.length + route.unreadable).toBe(entriesOf(sent).length),
  },
];

/** The operations of the settings description the console calls (batch and get it does not). */
const CALLED = operations.map((o) => o.operationId);

describe("the contract test covers what the console calls", () => {
  it("one case per settings and submissions operation the console uses", () => {
    expect([...CALLED].sort()).toEqual([
      "email_security_create_allow_policy",
      "email_security_create_blocked_sender",
      "email_security_delete_allow_policy",
      "email_security_delete_blocked_sender",
      "email_security_get_phishguard_reports",
      "email_security_list_allow_policies",
      "email_security_list_blocked_senders",
      "email_security_submissions",
      "email_security_update_allow_policy",
      "email_security_update_blocked_sender",
    ]);
  });
});

describe.each(SEEDS)("Prism replies generated with seed %s", (seed) => {
  it.each(operations.map((o) => [o.operationId, o] as const))("%s", async (operationId, op) => {
    const route = await upstream.recorder.preferring(`seed=${seed}`, op.call);
    const exchanges = upstream.recorder.take();
    const sent = exchanges[0];
    const replay = `seed ${seed}, ${describeExchange(sent)}\nconsole answered ${route.status}: ${route.text.slice(0, 500)}`;
    expect(exchanges.map((e) => e.operationId), replay).toEqual([operationId]);
    expect(sent!.violations, replay).toBeNull();
    expect(undeclaredQueryKeys(sent!, description), replay).toEqual([]);
    expect(contractProblems(sent!.method, sent!.path, sent!.status, sent!.responseBody), replay).toEqual([]);
    expect(route.status, replay).toBe(op.status);
    expect(route.json.error, replay).toBeUndefined();
    op.consume(route.json, sent!.responseBody as Json);
  });

  it("sender status: exact-pattern lookups in both lists, whatever the replies", async () => {
    const route = await upstream.recorder.preferring(`seed=${seed}`, () => callRoute(senderStatus, `${API}/sender_status`, { query: "sender=ceo%40mail.evil-contract.example" }));
    const exchanges = upstream.recorder.take();
    const replay = `seed ${seed}: ${exchanges.map(describeExchange).join("\n")}\nconsole answered ${route.status}: ${route.text.slice(0, 500)}`;
    expect(route.status, replay).toBe(200);
    expect(exchanges.map((e) => e.operationId).sort(), replay).toEqual([
      ...Array(3).fill("email_security_list_allow_policies"),
      ...Array(3).fill("email_security_list_blocked_senders"),
    ]);
    for (const e of exchanges) {
      expect(e.violations, replay).toBeNull();
      expect(undeclaredQueryKeys(e, description), replay).toEqual([]);
      expect(e.query.get("search"), replay).toBeNull();
    }
    // Prism's patterns are random strings: nothing it sends covers this sender, and nothing breaks.
    expect(route.json.result, replay).toEqual({ blocked: [], allowed: [] });
  });
});

async function sendOnce(call: () => Promise<RouteResult>) {
  const route = await upstream.recorder.preferring("seed=requests", call);
  const exchanges = upstream.recorder.take();
  expect(exchanges, `one request to Prism; console answered ${route.status}: ${route.text.slice(0, 300)}`).toHaveLength(1);
  return { route, sent: exchanges[0]! };
}

describe("every request the console can send is one the description declares", () => {
  it("the policy lists: search, exact pattern, type, order, direction and paging", async () => {
    for (const handler of [listBlocks, listAllows]) {
      const { route, sent } = await sendOnce(() =>
        callRoute(handler, `${API}/x`, { query: "search=evil&pattern=a%40evil.example&pattern_type=EMAIL&order=pattern&direction=asc&page=2&per_page=25" }),
      );
      expect(sent.violations, describeExchange(sent)).toBeNull();
      expect(undeclaredQueryKeys(sent, description)).toEqual([]);
      expect(route.status).toBe(200);
    }
  });

  it("the submissions queue: every filter it offers", async () => {
    const query = new URLSearchParams({
      query: "invoice",
      type: "TEAM",
      status: "reviewed",
      original_disposition: "MALICIOUS",
      requested_disposition: "NONE",
      outcome_disposition: "SPAM",
      submission_id: "3f2b8c1e-9a4d-4e6b-8c2a-1d5e7f9a0b3c",
      start: new Date(Date.now() - 60 * 864e5).toISOString(),
      end: new Date(Date.now() - 864e5).toISOString(),
      order: "requested_at",
      direction: "desc",
      page: "2",
      per_page: "50",
    });
    const { route, sent } = await sendOnce(() => callRoute(listSubmissions, "/api/email-security/submissions", { query: query.toString() }));
    expect(sent.violations, describeExchange(sent)).toBeNull();
    expect(undeclaredQueryKeys(sent, description)).toEqual([]);
    expect(route.status).toBe(200);
  });

  type EnumCase = [field: string, value: string, call: () => Promise<RouteResult>];
  const each = (field: string, values: readonly string[], call: (value: string) => Promise<RouteResult>): EnumCase[] =>
    values.map((value) => [field, value, () => call(value)]);
  const ip = { EMAIL: "a@evil-contract.example", DOMAIN: "evil-contract.example", IP: "203.0.113.7" } as const;
  const enumCases: EnumCase[] = [
    ...each("block pattern_type", PATTERN_TYPES, (v) => callRoute(createBlock, `${API}/block_senders`, { body: { ...blockBody, pattern_type: v, pattern: ip[v as keyof typeof ip] } })),
    ...each("allow kind", ["is_trusted_sender", "is_acceptable_sender", "is_exempt_recipient"], (v) => callRoute(createAllow, `${API}/allow_policies`, { body: { ...allowBody, kind: v } })),
    ...each("list pattern_type", [...PATTERN_TYPES, "UNKNOWN"], (v) => callRoute(listBlocks, `${API}/block_senders`, { query: `pattern_type=${v}` })),
    ...each("submissions type", SUBMISSION_TYPES, (v) => callRoute(listSubmissions, "/api/email-security/submissions", { query: `type=${v}` })),
    ...each("submissions order", SUBMISSION_ORDERS, (v) => callRoute(listSubmissions, "/api/email-security/submissions", { query: `order=${v}` })),
    ...each("submissions disposition", SEARCH_DISPOSITIONS, (v) =>
      callRoute(listSubmissions, "/api/email-security/submissions", { query: `original_disposition=${v}&requested_disposition=${v}&outcome_disposition=${v}` }),
    ),
  ];

  it.each(enumCases)("%s %s is a value the description accepts", async (_field, _value, call) => {
    const { sent } = await sendOnce(call);
    expect(sent.violations, describeExchange(sent)).toBeNull();
    expect(sent.status).toBeLessThan(300);
  });
});

// Last, over everything this file sent: no request carried a deprecated field (item 1 of issue 20:
// the allow-policy create sent `is_sender` / `is_recipient` / `is_spoof`).
describe("no deprecated field is ever sent", () => {
  it("in any request of this suite, by the description or the SDK's types", () => {
    const sent = upstream.recorder.all();
    expect(sent.length).toBeGreaterThan(50);
    expect(sent.flatMap(deprecatedFieldsSent)).toEqual([]);
  });
});
