// Contract tests against an independent implementation: all 18 Investigate operations, called
// through the console's own route handlers, with Stoplight Prism serving Cloudflare's description
// as the upstream. Prism generates every reply from the description's schemas (seeded, so a
// failure replays) and validates every request the SDK sends, so neither side of a test is our
// simulator: a reply the description allows must work, and a request it refuses must show.
import { describe, expect, it, vi } from "vitest";
// These tests are about the create-job call reaching Cloudflare; whether a job needs a second
// admin first (a search counted against Prism's random replies) is app/api/approvals' concern.
vi.mock("@/lib/approvals/service", async (original) => ({
  ...(await original<typeof import("@/lib/approvals/service")>()),
  judgeBulkJob: async () => ({ reasons: [], sample: [], matched: 0, matchedMore: false }),
}));
// Likewise the release policy: whether a release or a move to Inbox waits for a second admin (the
// messages read first, Prism's dispositions being random) is release-policy.test.ts's concern.
vi.mock("@/lib/approvals/release-policy", () => ({
  planReturn: async (_change: unknown, ids: readonly string[]) => ({ now: [...ids], approval: null, reads: 0 }),
}));
import { authSummary } from "@/lib/messages/message-view";
import { messagesToCsv } from "@/lib/messages/csv";
import { moveOutcomes, releaseOutcomes } from "@/lib/messages/action-outcomes";
import { jobMessageLink } from "@/lib/bulk/job-messages";
import { jobProgress } from "@/lib/bulk/progress";
import { FILTER_KEYS } from "@/lib/schemas/search";
import { bulkSearchParamsSchema } from "@/lib/schemas/bodies";
import {
  BULK_ACTIONS,
  DELIVERY_STATUSES,
  DESTINATIONS,
  JOB_MESSAGE_STATUSES,
  JOB_STATUSES,
  MESSAGE_ACTIONS,
  RECLASSIFY_DISPOSITIONS,
  SEARCH_DISPOSITIONS,
} from "@/lib/schemas/enums";
import { contractOperationIds, contractProblems } from "@/lib/simulator/contract-validator";
import { describeExchange, undeclaredQueryKeys, type ContractOperation, type Json, type RouteResult } from "@/lib/testing/contract-suite";
import { deprecatedFieldsSent } from "@/lib/testing/deprecated-fields";
import { expectRefusalShown, usePrismUpstream } from "@/lib/testing/prism-upstream";
import { callRoute } from "@/lib/testing/routes";
import { GET as search } from "./route";
import { GET as getMessage } from "./[id]/route";
import { GET as getDetections } from "./[id]/detections/route";
import { GET as getTrace } from "./[id]/trace/route";
import { GET as getPreview } from "./[id]/preview/route";
import { GET as getRaw } from "./[id]/raw/route";
import { GET as getActionLog } from "./[id]/action_log/route";
import { POST as moveOne } from "./[id]/move/route";
import { POST as reclassify } from "./[id]/reclassify/route";
import { POST as moveMany } from "./move/route";
import { POST as release } from "./release/route";
import { POST as createPreview } from "./preview/route";
import { GET as listJobs, POST as createJob } from "./bulk/route";
import { DELETE as deleteJob, GET as getJob } from "./bulk/[jobId]/route";
import { POST as cancelJob } from "./bulk/[jobId]/cancel/route";
import { GET as listJobMessages } from "./bulk/[jobId]/messages/route";

const upstream = usePrismUpstream({ seed: "triage-contract" });

const API = "/api/email-security/investigate";
const ID = "prism-contract-0001";
const OTHER_ID = "prism-contract-0002";
const JOB_ID = "3f2b8c1e-9a4d-4e6b-8c2a-1d5e7f9a0b3c";
/** Each round asks Prism for other replies to the same requests (`Prefer: seed=…`). */
const SEEDS = ["1", "2", "3", "4", "5"];

const message = { params: { id: ID } };
const job = { params: { jobId: JOB_ID } };

function expectListEnvelope(route: Json) {
  expect(Array.isArray(route.result)).toBe(true);
  expect(route.result_info).toMatchObject({ count: expect.any(Number), per_page: expect.any(Number) });
  for (const key of ["next", "previous"]) {
    expect([null, undefined].includes(route.result_info[key]) || typeof route.result_info[key] === "string").toBe(true);
  }
}

const pluck = (items: Json[], key: string) => items.map((item) => item[key]);

const operations: ContractOperation[] = [
  {
    operationId: "email_security_investigate",
    call: () => callRoute(search, API, { query: "per_page=5&detections_only=false" }),
    status: 200,
    consume: (route, sent) => {
      expectListEnvelope(route);
      expect(pluck(route.result, "id")).toEqual(pluck(sent.result, "id"));
      expect(typeof messagesToCsv(route.result)).toBe("string");
    },
  },
  {
    operationId: "email_security_get_message",
    call: () => callRoute(getMessage, `${API}/x`, message),
    status: 200,
    consume: (route, sent) => {
      expect(route.result.id).toBe(sent.result.id);
      expect(authSummary(route.result.validation).text).toMatch(/^SPF /);
      expect(typeof messagesToCsv([route.result])).toBe("string");
    },
  },
  {
    operationId: "email_security_get_message_detections",
    call: () => callRoute(getDetections, `${API}/x/detections`, message),
    status: 200,
    consume: (route, sent) => expectFaithful(route.result, sent.result),
  },
  {
    operationId: "email_security_get_message_trace",
    call: () => callRoute(getTrace, `${API}/x/trace`, message),
    status: 200,
    consume: (route, sent) => expectFaithful(route.result, sent.result),
  },
  {
    operationId: "email_security_get_message_preview",
    call: () => callRoute(getPreview, `${API}/x/preview`, message),
    status: 200,
    consume: (route, sent) => expect(route.result.screenshot).toBe(sent.result.screenshot),
  },
  {
    operationId: "email_security_get_message_raw",
    call: () => callRoute(getRaw, `${API}/x/raw`, message),
    status: 200,
    consume: (route, sent) => expect(route.result.raw).toBe(sent.result.raw),
  },
  {
    operationId: "email_security_get_message_action_log",
    call: () => callRoute(getActionLog, `${API}/x/action_log`, message),
    status: 200,
    consume: (route, sent) => {
      // The console orders the entries newest first; it must keep every one Cloudflare sent.
      expect(route.result).toHaveLength(sent.result.length);
      expect(pluck(route.result, "operation").sort()).toEqual(pluck(sent.result, "operation").sort());
    },
  },
  {
    operationId: "email_security_post_message_move",
    call: () => callRoute(moveOne, `${API}/x/move`, { ...message, body: { destination: "JunkEmail" } }),
    status: 200,
    consume: (route, sent) => {
      expect(route.result).toHaveLength(sent.result.length);
      expect(moveOutcomes([ID], "JunkEmail", route.result)).toHaveLength(1);
    },
  },
  {
    operationId: "email_security_post_bulk_move",
    call: () => callRoute(moveMany, `${API}/move`, { body: { ids: [ID, OTHER_ID], destination: "Inbox" } }),
    status: 200,
    consume: (route, sent) => {
      expect(route.result).toHaveLength(sent.result.length);
      expect(moveOutcomes([ID, OTHER_ID], "Inbox", route.result)).toHaveLength(2);
    },
  },
  {
    operationId: "email_security_post_release",
    call: () => callRoute(release, `${API}/release`, { body: { ids: [ID] } }),
    status: 200,
    consume: (route, sent) => {
      expect(route.result).toHaveLength(sent.result.length);
      expect(releaseOutcomes([ID], route.result)).toHaveLength(1);
    },
  },
  {
    operationId: "email_security_post_reclassify",
    call: () => callRoute(reclassify, `${API}/x/reclassify`, { ...message, body: { expected_disposition: "SPAM" } }),
    status: 202,
    consume: (route) => expect(typeof route.result).toBe("object"),
  },
  {
    operationId: "email_security_post_preview",
    call: () => callRoute(createPreview, `${API}/preview`, { body: { id: ID } }),
    status: 200,
    consume: (route, sent) => expect(route.result.screenshot).toBe(sent.result.screenshot),
  },
  {
    operationId: "email_security_get_bulk_jobs",
    call: () => callRoute(listJobs, `${API}/bulk`, { query: "per_page=10" }),
    status: 200,
    consume: (route, sent) => {
      expectListEnvelope(route);
      expect(pluck(route.result, "job_id")).toEqual(pluck(sent.result, "job_id"));
      for (const j of route.result) expect(jobProgress(j).label).toEqual(expect.any(String));
    },
  },
  {
    operationId: "email_security_create_bulk_job",
    call: () =>
      callRoute(createJob, `${API}/bulk`, {
        body: { action: "MOVE", destination: "JunkEmail", search_params: { sender: "campaign@example.test" } },
      }),
    status: 201,
    consume: (route, sent) => {
      expect(route.result.job_id).toBe(sent.result.job_id);
      expect(jobProgress(route.result).label).toEqual(expect.any(String));
    },
  },
  {
    operationId: "email_security_get_bulk_job",
    call: () => callRoute(getJob, `${API}/bulk/x`, job),
    status: 200,
    consume: (route, sent) => {
      expect(route.result.job_id).toBe(sent.result.job_id);
      expect(jobProgress(route.result).label).toEqual(expect.any(String));
    },
  },
  {
    operationId: "email_security_cancel_bulk_job",
    call: () => callRoute(cancelJob, `${API}/bulk/x/cancel`, { ...job, method: "POST" }),
    status: 200,
    consume: (route, sent) => expect(route.result.job_id).toBe(sent.result.job_id),
  },
  {
    operationId: "email_security_delete_bulk_job",
    call: () => callRoute(deleteJob, `${API}/bulk/x`, { ...job, method: "DELETE" }),
    status: 200,
    consume: (route, sent) => expectFaithful(route.result, sent.result),
  },
  {
    operationId: "email_security_get_bulk_job_messages",
    call: () => callRoute(listJobMessages, `${API}/bulk/x/messages`, { ...job, query: "per_page=10" }),
    status: 200,
    consume: (route, sent) => {
      expectListEnvelope(route);
      expect(route.result).toHaveLength(sent.result.length);
      // A row links to its message only through the embedded `message`; otherwise to a search, never to /messages/{postfix_id}.
      for (const row of route.result) {
        const link = jobMessageLink(row);
        const expected = row.message?.id ? "message" : row.postfix_id ? "search" : undefined;
        expect(link?.kind).toBe(expected);
      }
    },
  },
];

/**
 * The console passes on every field it knows as Cloudflare sent it, drops keys it has no use for
 * (the description leaves objects open, so Prism invents some), and reads every entry: nothing
 * Prism generates from the description may be counted as unreadable.
 */
function expectFaithful(shown: Record<string, unknown>, sent: Record<string, unknown>): void {
  const { unreadable, ...fields } = shown;
  expect(unreadable ?? 0).toBe(0);
  expect(Object.keys(fields).length).toBeGreaterThan(0);
  expect(sent).toMatchObject(fields);
}


describe("the contract test covers the description", () => {
  it("has one case for each of the 18 operations", () => {
    expect(contractOperationIds).toHaveLength(18);
    expect(operations.map((o) => o.operationId).sort()).toEqual([...contractOperationIds].sort());
  });
});

describe.each(SEEDS)("Prism replies generated with seed %s", (seed) => {
  it.each(operations.map((o) => [o.operationId, o] as const))("%s", async (operationId, op) => {
    const route = await upstream.recorder.preferring(`seed=${seed}`, op.call);
    const exchanges = upstream.recorder.take();
    const sent = exchanges[0];
    const replay = `seed ${seed}, ${describeExchange(sent)}\nconsole answered ${route.status}: ${route.text.slice(0, 500)}`;

    // The console sent exactly this operation, and Prism found nothing to refuse in the request.
    expect(exchanges.map((e) => e.operationId), replay).toEqual([operationId]);
    expect(sent!.violations, replay).toBeNull();
    expect(undeclaredQueryKeys(sent!), replay).toEqual([]);
    // Prism's reply is one the description allows (so a failure below is the console's).
    expect(contractProblems(sent!.method, sent!.path, sent!.status, sent!.responseBody), replay).toEqual([]);

    expect(route.status, replay).toBe(op.status);
    expect(route.json, replay).toHaveProperty("result");
    expect(route.json.error, replay).toBeUndefined();
    op.consume(route.json, sent!.responseBody as Json);
  });
});

/** A plausible value for each search filter the console offers; a new filter needs one here. */
const FILTER_SAMPLES: Record<string, string> = {
  query: "invoice",
  sender: "billing@example.test",
  recipient: "soc@example.test",
  subject: "Invoice overdue",
  exact_subject: "Invoice overdue",
  domain: "example.test",
  alert_id: "alert-0001",
  message_id: "<0001@example.test>",
  smtp_helo_ip: "192.0.2.10",
  start: new Date(Date.now() - 2 * 864e5).toISOString(),
  end: new Date(Date.now() - 864e5).toISOString(),
  final_disposition: "MALICIOUS",
  delivery_status: "delivered",
  message_action: "MOVED",
  detections_only: "true",
  submission: "true",
  metric: "malicious",
};

/** The SDK 7.3 has this delivery status; the description does not (listed in the README). */
const SDK_ONLY_DELIVERY_STATUSES: readonly string[] = ["move_failed"];

async function sendOnce(call: () => Promise<RouteResult>) {
  const route = await upstream.recorder.preferring("seed=requests", call);
  const exchanges = upstream.recorder.take();
  expect(exchanges, `one request to Prism; console answered ${route.status}: ${route.text.slice(0, 300)}`).toHaveLength(1);
  return { route, sent: exchanges[0]! };
}

describe("every request the console can send is one the description declares", () => {
  it("search: each filter the console offers is a parameter of the search operation", async () => {
    expect(FILTER_KEYS.filter((key) => !(key in FILTER_SAMPLES)), "add a sample value for the new filter").toEqual([]);
    const query = new URLSearchParams(FILTER_KEYS.map((key) => [key, FILTER_SAMPLES[key]!]));
    const { route, sent } = await sendOnce(() => callRoute(search, API, { query: query.toString() }));
    expect(sent.violations).toBeNull();
    expect(undeclaredQueryKeys(sent), "filters the search operation does not have").toEqual([]);
    expect(route.status).toBe(200);
  });

  it("message details: the console sends no query parameter the operation and the SDK lack", async () => {
    const { sent } = await sendOnce(() => callRoute(getMessage, `${API}/x`, { ...message, query: "submission=true" }));
    expect(sent.violations).toBeNull();
    expect(undeclaredQueryKeys(sent)).toEqual([]);
  });

  it("bulk job: every search parameter the console offers is accepted", async () => {
    const keys = Object.keys(bulkSearchParamsSchema.shape) as (keyof typeof bulkSearchParamsSchema.shape)[];
    const bulkSamples: Record<string, unknown> = { ...FILTER_SAMPLES, detections_only: true, submissions: true };
    expect(keys.filter((key) => !(key in bulkSamples)), "add a sample value for the new bulk search parameter").toEqual([]);
    const search_params = Object.fromEntries(keys.map((key) => [key, bulkSamples[key]]));
    const { route, sent } = await sendOnce(() =>
      callRoute(createJob, `${API}/bulk`, { body: { action: "RELEASE", search_params } }),
    );
    expect(sent.violations, JSON.stringify(sent.requestBody)).toBeNull();
    expect(route.status).toBe(201);
  });

  type EnumCase = [field: string, value: string, call: () => Promise<RouteResult>];
  const each = (field: string, values: readonly string[], call: (value: string) => Promise<RouteResult>): EnumCase[] =>
    values.map((value) => [field, value, () => call(value)]);
  const enumCases: EnumCase[] = [
    ...each("search final_disposition", SEARCH_DISPOSITIONS, (v) => callRoute(search, API, { query: `final_disposition=${v}` })),
    ...each("search delivery_status", DELIVERY_STATUSES.filter((v) => !SDK_ONLY_DELIVERY_STATUSES.includes(v)), (v) =>
      callRoute(search, API, { query: `delivery_status=${v}` }),
    ),
    ...each("search message_action", MESSAGE_ACTIONS, (v) => callRoute(search, API, { query: `message_action=${v}` })),
    ...each("move destination", DESTINATIONS, (v) => callRoute(moveOne, `${API}/x/move`, { ...message, body: { destination: v } })),
    ...each("reclassify expected_disposition", RECLASSIFY_DISPOSITIONS, (v) =>
      callRoute(reclassify, `${API}/x/reclassify`, { ...message, body: { expected_disposition: v } }),
    ),
    ...each("bulk job action", BULK_ACTIONS, (v) =>
      callRoute(createJob, `${API}/bulk`, {
        body: { action: v, ...(v === "MOVE" ? { destination: "JunkEmail" } : {}), search_params: { sender: "billing@example.test" } },
      }),
    ),
    ...each("bulk job list status", JOB_STATUSES, (v) => callRoute(listJobs, `${API}/bulk`, { query: `status=${v}` })),
    ...each("bulk job list action_type", BULK_ACTIONS, (v) => callRoute(listJobs, `${API}/bulk`, { query: `action_type=${v}` })),
    ...each("bulk job messages status", JOB_MESSAGE_STATUSES, (v) =>
      callRoute(listJobMessages, `${API}/bulk/x/messages`, { ...job, query: `status=${v}` }),
    ),
  ];

  it.each(enumCases)("%s %s is a value the description accepts", async (_field, _value, call) => {
    const { sent } = await sendOnce(call);
    expect(sent.violations, `${sent.method} ${sent.path}?${sent.query} ${JSON.stringify(sent.requestBody)}`).toBeNull();
    expect(sent.status).toBeLessThan(300);
  });
});

describe("a request the description refuses is shown as Cloudflare's refusal of that operation", () => {
  it.each(SDK_ONLY_DELIVERY_STATUSES)("search with delivery_status=%s (the SDK's value, not the description's)", async (value) => {
    const { route, sent } = await sendOnce(() => callRoute(search, API, { query: `delivery_status=${value}` }));
    expect(sent.violations).toMatch(/delivery_status/);
    expectRefusalShown(route, sent, /search/i);
  });
});

// Last, over everything this file sent: no request carried a field the description or the SDK's
// types mark deprecated (lib/testing/deprecated-fields.ts).
describe("no deprecated field is ever sent", () => {
  it("in any request of this suite, by the description or the SDK's types", () => {
    const sent = upstream.recorder.all();
    expect(sent.length).toBeGreaterThan(100);
    expect(sent.flatMap(deprecatedFieldsSent)).toEqual([]);
  });
});
