// Every operation, success and error, checked against the OpenAPI contract by ajv.
// (The harness validates every answer in every other test too; this file guarantees coverage.)
import { describe, expect, it } from "vitest";
import { contractOperationIds, contractProblems, operationFor } from "./contract-validator";
import { createHarness, idPath, PREFIX } from "./test-helpers";

const h = createHarness({ messageCount: 1500 });
const f = h.sim.fixtures();
const UNKNOWN = "ZZZZZZZZZZZZZZZZ-2026-11-20T10:00:00-00000000";
const NO_JOB = "00000000-0000-4000-8000-000000000000";

interface Case {
  op: string;
  method: string;
  path: () => string;
  body?: () => unknown;
  status: number;
}

let jobId = "";
const cases: Case[] = [
  { op: "email_security_investigate", method: "GET", path: () => "?detections_only=false&per_page=100", status: 200 },
  { op: "email_security_investigate", method: "GET", path: () => "?per_page=0", status: 400 },
  { op: "email_security_get_message", method: "GET", path: () => idPath(f.hostileId), status: 200 },
  { op: "email_security_get_message", method: "GET", path: () => idPath(UNKNOWN), status: 404 },
  { op: "email_security_get_message_detections", method: "GET", path: () => idPath(f.hostileId, "/detections"), status: 200 },
  { op: "email_security_get_message_detections", method: "GET", path: () => idPath(UNKNOWN, "/detections"), status: 404 },
  { op: "email_security_get_message_trace", method: "GET", path: () => idPath(f.deliveredId, "/trace"), status: 200 },
  { op: "email_security_get_message_trace", method: "GET", path: () => idPath(UNKNOWN, "/trace"), status: 404 },
  { op: "email_security_get_message_preview", method: "GET", path: () => idPath(f.hostileId, "/preview"), status: 200 },
  { op: "email_security_get_message_preview", method: "GET", path: () => idPath(f.noPreviewId, "/preview"), status: 404 },
  { op: "email_security_get_message_raw", method: "GET", path: () => idPath(f.hostileId, "/raw"), status: 200 },
  { op: "email_security_get_message_raw", method: "GET", path: () => idPath(UNKNOWN, "/raw"), status: 404 },
  { op: "email_security_get_message_action_log", method: "GET", path: () => idPath(f.deliveredId, "/action_log"), status: 200 },
  { op: "email_security_get_message_action_log", method: "GET", path: () => idPath(UNKNOWN, "/action_log"), status: 404 },
  { op: "email_security_post_message_move", method: "POST", path: () => idPath(f.deliveredId, "/move"), body: () => ({ destination: "JunkEmail" }), status: 200 },
  { op: "email_security_post_message_move", method: "POST", path: () => idPath(f.undeliverableId, "/move"), body: () => ({ destination: "JunkEmail" }), status: 200 },
  { op: "email_security_post_message_move", method: "POST", path: () => idPath(f.deliveredId, "/move"), body: () => ({}), status: 400 },
  { op: "email_security_post_reclassify", method: "POST", path: () => idPath(f.hostileId, "/reclassify"), body: () => ({ expected_disposition: "NONE" }), status: 202 },
  { op: "email_security_post_reclassify", method: "POST", path: () => idPath(f.hostileId, "/reclassify"), body: () => ({}), status: 400 },
  { op: "email_security_post_bulk_move", method: "POST", path: () => "/move", body: () => ({ ids: [f.deliveredId, UNKNOWN], destination: "Inbox" }), status: 200 },
  { op: "email_security_post_bulk_move", method: "POST", path: () => "/move", body: () => ({ ids: "nope", destination: "Inbox" }), status: 400 },
  { op: "email_security_post_release", method: "POST", path: () => "/release", body: () => [f.quarantinedId, f.deliveredId, UNKNOWN], status: 200 },
  { op: "email_security_post_release", method: "POST", path: () => "/release", body: () => ({ ids: [] }), status: 400 },
  { op: "email_security_post_preview", method: "POST", path: () => "/preview", body: () => ({ id: f.noPreviewId }), status: 200 },
  { op: "email_security_post_preview", method: "POST", path: () => "/preview", body: () => ({ id: UNKNOWN }), status: 404 },
  { op: "email_security_create_bulk_job", method: "POST", path: () => "/bulk", body: () => ({ action: "MOVE", destination: "JunkEmail", expected_disposition: "SPAM", comment: "contract", search_params: { detections_only: false, start: "2026-09-01T00:00:00Z" } }), status: 201 },
  { op: "email_security_create_bulk_job", method: "POST", path: () => "/bulk", body: () => ({ action: "MOVE", search_params: {} }), status: 400 },
  { op: "email_security_get_bulk_jobs", method: "GET", path: () => "/bulk", status: 200 },
  { op: "email_security_get_bulk_jobs", method: "GET", path: () => "/bulk?per_page=5000", status: 400 },
  { op: "email_security_get_bulk_job", method: "GET", path: () => `/bulk/${jobId}`, status: 200 },
  { op: "email_security_get_bulk_job", method: "GET", path: () => `/bulk/${NO_JOB}`, status: 404 },
  { op: "email_security_delete_bulk_job", method: "DELETE", path: () => `/bulk/${jobId}`, status: 409 },
  { op: "email_security_get_bulk_job_messages", method: "GET", path: () => `/bulk/${jobId}/messages?per_page=50`, status: 200 },
  { op: "email_security_get_bulk_job_messages", method: "GET", path: () => `/bulk/${NO_JOB}/messages`, status: 404 },
  { op: "email_security_cancel_bulk_job", method: "POST", path: () => `/bulk/${jobId}/cancel`, status: 200 },
  { op: "email_security_cancel_bulk_job", method: "POST", path: () => `/bulk/${jobId}/cancel`, status: 409 },
  { op: "email_security_delete_bulk_job", method: "DELETE", path: () => `/bulk/${jobId}`, status: 200 },
  { op: "email_security_delete_bulk_job", method: "DELETE", path: () => `/bulk/${NO_JOB}`, status: 404 },
];

describe("OpenAPI contract", () => {
  it("covers all 18 operations with a success and an error case", () => {
    const ops = new Set(contractOperationIds);
    expect(ops.size).toBe(18);
    for (const op of ops) {
      expect(cases.some((c) => c.op === op && c.status < 300), `${op} success`).toBe(true);
      expect(cases.some((c) => c.op === op && c.status >= 400), `${op} error`).toBe(true);
    }
  });

  it.each(cases.map((c, i) => [`${c.method} ${c.op} → ${c.status}`, i] as const))("%s", async (_name, i) => {
    const c = cases[i];
    if (!c) throw new Error("missing case");
    if (c.op === "email_security_get_bulk_job_messages" && c.status === 200) h.advance(1600 + 40 * 30); // let rows exist
    const res = await h.call(c.method, c.path(), c.body ? { body: c.body() } : {});
    expect(res.status).toBe(c.status);
    const apiPath = decodeURIComponent(`${PREFIX}${c.path()}`.split("?")[0] ?? "");
    expect(operationFor(c.method, apiPath)?.operationId).toBe(c.op);
    expect(contractProblems(c.method, apiPath, res.status, res.body)).toEqual([]);
    if (c.op === "email_security_create_bulk_job" && c.status === 201) jobId = res.body.result.job_id;
    if (c.op === "email_security_get_bulk_job_messages" && c.status === 200) expect(res.body.result.length).toBeGreaterThan(0);
  });

  it("the validator really catches drift", () => {
    const path = `${PREFIX}/x`;
    expect(contractProblems("GET", path, 200, { success: true, errors: [], messages: [], result: { id: "x" } }).length).toBeGreaterThan(0);
    expect(contractProblems("GET", path, 404, { success: false, errors: [], messages: [], result: null }).length).toBeGreaterThan(0);
    expect(contractProblems("GET", `${PREFIX}/bulk`, 200, { success: true, errors: [], messages: [], result: [], result_info: { count: 0, per_page: 20 } }).length).toBeGreaterThan(0);
  });
});
