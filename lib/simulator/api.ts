// The Investigate API proper: routes the 18 operations onto the dataset, jobs and mutations.
// Auth, faults and call recording happen before this, in index.ts.
import { buildDetections } from "./detections";
import { buildEml } from "./eml";
import { ApiError, badRequest, ERROR_CODES, notFound, successResponse, type ResultInfo } from "./envelope";
import type { Dataset } from "./generate";
import { JOB_STATUSES, type JobStore } from "./jobs";
import { generatePreview, missingMoveItem, moveMessage, reclassifyMessage, releaseMessage, type MoveItem, type ReleaseItem } from "./mutations";
import { renderPreview } from "./png";
import { CURSOR_PAGING, pageNumberedInfo, readPage, readPerPage, searchMessages, type PagingStyle } from "./search";
import { serializeActionEntry, serializeMessage } from "./serialize";
import type { SubmissionStore } from "./submissions";
import { buildTrace } from "./trace";
import { DESTINATIONS, DISPOSITIONS, type Destination, type MessageRecord } from "./types";
import { decodeCursorText, encodeCursorText } from "./cursors";
import { listKey, searchParamsOf, type Variance } from "./variance";

export interface ApiContext {
  data: Dataset;
  jobs: JobStore;
  now: number;
  url: URL;
  body: unknown;
  cache: { previews: BoundedCache<string>; raws: BoundedCache<string> };
  postfixIndex: () => Map<string, MessageRecord>;
  /** A reclassify leaves a submission behind, as it does upstream. */
  submissions: SubmissionStore;
  /** Null unless variance mode is on; see variance.ts. */
  variance: Variance | null;
}

export class BoundedCache<V> {
  private map = new Map<string, V>();
  constructor(private readonly limit: number) {}
  get(key: string, build: () => V): V {
    const hit = this.map.get(key);
    if (hit !== undefined) return hit;
    const value = build();
    this.map.set(key, value);
    if (this.map.size > this.limit) {
      const oldest = this.map.keys().next().value;
      if (oldest !== undefined) this.map.delete(oldest);
    }
    return value;
  }
  clear(): void {
    this.map.clear();
  }
}

const RECLASSIFY_DISPOSITIONS = ["NONE", "BULK", "MALICIOUS", "SPAM", "SPOOF", "SUSPICIOUS"];
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const MAX_IDS = 1000;

function methodNotAllowed(): ApiError {
  return new ApiError(405, [{ code: ERROR_CODES.methodNotAllowed, message: "Method not allowed for this route" }]);
}

function noRoute(): ApiError {
  return new ApiError(404, [{ code: ERROR_CODES.noRoute, message: "No route for that URI" }]);
}

function objectBody(body: unknown): Record<string, unknown> {
  if (!body || typeof body !== "object" || Array.isArray(body)) throw badRequest("Request body must be a JSON object", "/");
  return body as Record<string, unknown>;
}

function readDestination(body: Record<string, unknown>): Destination {
  if (!DESTINATIONS.includes(body.destination as Destination)) {
    throw badRequest(`destination is required and must be one of: ${DESTINATIONS.join(", ")}`, "/destination");
  }
  if (body.expected_disposition != null && !DISPOSITIONS.includes(body.expected_disposition as never)) {
    throw badRequest(`expected_disposition must be one of: ${DISPOSITIONS.join(", ")}`, "/expected_disposition");
  }
  return body.destination as Destination;
}

function readIdList(value: unknown, pointer: string): string[] {
  if (!Array.isArray(value) || value.length === 0) throw badRequest(`${pointer.slice(1) || "body"} must be a non-empty array of message ids`, pointer);
  if (value.length > MAX_IDS) throw badRequest(`At most ${MAX_IDS} ids per request`, pointer);
  value.forEach((id, i) => {
    if (typeof id !== "string" || id === "") throw badRequest("Each id must be a non-empty string", `${pointer}/${i}`);
  });
  return value as string[];
}

/** A message by the id the client knows it by (in variance mode, possibly an odd one). */
function findMessage(ctx: ApiContext, id: string): MessageRecord | undefined {
  return ctx.variance ? ctx.variance.findMessage(id) : ctx.data.byId.get(id);
}

function wireId(ctx: ApiContext, m: MessageRecord): string {
  return ctx.variance ? ctx.variance.wireId(m) : m.id;
}

function message(ctx: ApiContext, id: string): MessageRecord {
  const m = findMessage(ctx, id);
  if (!m) throw notFound("Message not found");
  return m;
}

function pagingOf(ctx: ApiContext, params: URLSearchParams): PagingStyle {
  return ctx.variance ? ctx.variance.paging(listKey(ctx.url.pathname, params)) : CURSOR_PAGING;
}

function readPageCursor(cursor: string): number {
  const text = /^\d+$/.test(cursor) ? cursor : decodeCursorText(cursor);
  if (text === null || !/^\d+$/.test(text) || Number(text) < 1) throw badRequest("cursor is invalid", "/query/cursor");
  return Number(text);
}

function pageOf<T>(items: T[], params: URLSearchParams, paging: PagingStyle): { items: T[]; resultInfo: ResultInfo } {
  const perPage = readPerPage(params);
  // Job lists page by number; `next`/`previous` carry the neighbouring page number as a string,
  // and the same string is accepted back as `cursor`.
  const cursor = params.get("cursor");
  const page = cursor ? readPageCursor(cursor) : (readPage(params) ?? 1);
  const from = (page - 1) * perPage;
  const slice = items.slice(from, from + perPage);
  if (paging.pageNumbered) return { items: slice, resultInfo: pageNumberedInfo(slice.length, page, perPage, items.length) };
  const cursorFor = (n: number): string => (paging.opaqueCursors ? encodeCursorText(String(n), true) : String(n));
  return {
    items: slice,
    resultInfo: {
      count: slice.length,
      per_page: perPage,
      total_count: 0,
      next: from + perPage < items.length ? cursorFor(page + 1) : null,
      previous: page > 1 ? cursorFor(page - 1) : null,
    },
  };
}

function readJobStatus(params: URLSearchParams): string | null {
  const status = params.get("status");
  if (status === null || status === "") return null;
  if (!(JOB_STATUSES as readonly string[]).includes(status)) throw badRequest(`status must be one of: ${JOB_STATUSES.join(", ")}`, "/query/status");
  return status;
}

export function routeApi(ctx: ApiContext, method: string, rest: string[]): Response {
  const params = ctx.url.searchParams;
  const [first, second, third, ...extra] = rest;
  if (extra.length > 0) throw noRoute();

  if (first === undefined) {
    if (method !== "GET") throw methodNotAllowed();
    return search(ctx, params);
  }

  if (first === "bulk") return routeBulk(ctx, method, second, third);
  if (second === undefined && (first === "move" || first === "release" || first === "preview")) {
    if (method !== "POST") throw methodNotAllowed();
    if (first === "move") return bulkMove(ctx);
    if (first === "release") return release(ctx);
    return createPreview(ctx);
  }
  if (third !== undefined) throw noRoute();

  const id = first;
  if (second === undefined) {
    if (method !== "GET") throw methodNotAllowed();
    const m = message(ctx, id);
    const submission = params.get("submission");
    if (submission !== null && submission !== "true" && submission !== "false") throw badRequest("submission must be a boolean (true or false)", "/query/submission");
    if (submission === "true" && !m.isPhishSubmission) throw notFound("Message not found in the submissions datastore");
    return successResponse(serializeMessage(m, wireId(ctx, m)));
  }
  const getters: Record<string, (m: MessageRecord) => unknown> = {
    detections: (m) => buildDetections(m),
    trace: (m) => buildTrace(m, ctx.now),
    raw: (m) => ({ raw: ctx.cache.raws.get(m.id, () => buildEml(m)) }),
    action_log: (m) => [...m.actionLog].sort((a, b) => b.completedAt - a.completedAt).map(serializeActionEntry),
    preview: (m) => {
      if (!m.hasPreview) throw notFound("Preview not available yet; request one with POST /investigate/preview");
      return { screenshot: ctx.cache.previews.get(m.id, () => renderPreview(m.seed, m.disposition).toString("base64")) };
    },
  };
  if (method === "GET" && getters[second]) return successResponse(getters[second](message(ctx, id)));
  if (method === "POST" && second === "move") {
    const body = objectBody(ctx.body);
    const destination = readDestination(body);
    const m = message(ctx, id);
    return successResponse(moveMessage(m, destination, ctx.now).map((item) => ({ ...item, message_id: wireId(ctx, m) })));
  }
  if (method === "POST" && second === "reclassify") {
    const body = objectBody(ctx.body);
    if (!RECLASSIFY_DISPOSITIONS.includes(body.expected_disposition as string)) {
      throw badRequest(`expected_disposition is required and must be one of: ${RECLASSIFY_DISPOSITIONS.join(", ")}`, "/expected_disposition");
    }
    if (body.eml_content !== undefined && typeof body.eml_content !== "string") throw badRequest("eml_content must be a base64 string", "/eml_content");
    if (body.escalated_submission_id !== undefined && typeof body.escalated_submission_id !== "string") {
      throw badRequest("escalated_submission_id must be a string", "/escalated_submission_id");
    }
    const m = message(ctx, id);
    reclassifyMessage(m, body.expected_disposition as string, ctx.now, (body.escalated_submission_id as string | undefined) ?? null);
    ctx.submissions.addFromReclassify(m, body.expected_disposition as string, ctx.now);
    return successResponse({}, { status: 202 });
  }
  if (getters[second] || second === "move" || second === "reclassify") throw methodNotAllowed();
  throw noRoute();
}

function search(ctx: ApiContext, requestParams: URLSearchParams): Response {
  const params = searchParamsOf(requestParams);
  if (!params) throw badRequest("search_id is invalid or has expired; start the search again", "/query/search_id");
  // Run the search even when answering 202, so a bad filter is still a 400 straight away.
  const page = searchMessages(ctx.data.messages, params, ctx.now, ctx.variance ? { paging: pagingOf(ctx, params), wireId: (m) => wireId(ctx, m) } : {});
  const location = ctx.variance?.searchLocation(ctx.url) ?? null;
  if (location) {
    return successResponse([], {
      status: 202,
      resultInfo: { count: 0, per_page: page.resultInfo.per_page, total_count: 0, next: null, previous: null },
      headers: { location },
    });
  }
  return successResponse(
    page.items.map((m) => serializeMessage(m, wireId(ctx, m))),
    { resultInfo: page.resultInfo },
  );
}

function bulkMove(ctx: ApiContext): Response {
  const body = objectBody(ctx.body);
  const destination = readDestination(body);
  const usePostfix = body.ids === undefined && body.postfix_ids !== undefined;
  const ids = usePostfix ? readIdList(body.postfix_ids, "/postfix_ids") : readIdList(body.ids, "/ids");
  const items: MoveItem[] = ids.flatMap((id) => {
    const m = usePostfix ? ctx.postfixIndex().get(id) : findMessage(ctx, id);
    return m ? moveMessage(m, destination, ctx.now).map((item) => ({ ...item, message_id: wireId(ctx, m) })) : [missingMoveItem(id, destination)];
  });
  return successResponse(items);
}

function release(ctx: ApiContext): Response {
  // The published schema sends a bare array; SDK 7.3.0 sends {ids}. Both are accepted.
  const ids = Array.isArray(ctx.body) ? readIdList(ctx.body, "") : readIdList(objectBody(ctx.body).ids, "/ids");
  const items: ReleaseItem[] = ids.map((id) => {
    const m = findMessage(ctx, id);
    return m ? { ...releaseMessage(m, ctx.now), id: wireId(ctx, m) } : { id, delivered: [], failed: [id], undelivered: [] };
  });
  return successResponse(items);
}

function createPreview(ctx: ApiContext): Response {
  // The published schema sends {postfix_id}; SDK 7.3.0 sends {id}. Both are accepted.
  const body = objectBody(ctx.body);
  let m: MessageRecord | undefined;
  if (typeof body.id === "string" && body.id) m = findMessage(ctx, body.id);
  else if (typeof body.postfix_id === "string" && body.postfix_id) m = ctx.postfixIndex().get(body.postfix_id) ?? findMessage(ctx, body.postfix_id);
  else throw badRequest("id is required", "/id");
  if (!m) throw notFound("Message not found");
  const record = m;
  generatePreview(record, ctx.now);
  return successResponse({ screenshot: ctx.cache.previews.get(record.id, () => renderPreview(record.seed, record.disposition).toString("base64")) });
}

function routeBulk(ctx: ApiContext, method: string, jobId: string | undefined, action: string | undefined): Response {
  const params = ctx.url.searchParams;
  if (jobId === undefined) {
    if (method === "POST") return successResponse(ctx.jobs.create(ctx.body, ctx.now), { status: 201 });
    if (method !== "GET") throw methodNotAllowed();
    const actionType = params.get("action_type");
    if (actionType && actionType !== "MOVE" && actionType !== "RELEASE") throw badRequest("action_type must be one of: MOVE, RELEASE", "/query/action_type");
    const page = pageOf(ctx.jobs.list({ status: readJobStatus(params), actionType: actionType || null }), params, pagingOf(ctx, params));
    return successResponse(page.items, { resultInfo: page.resultInfo });
  }
  if (!UUID.test(jobId)) throw badRequest("job_id must be a UUID", "/job_id");
  if (action === undefined) {
    if (method === "GET") return successResponse(ctx.jobs.get(jobId));
    if (method === "DELETE") return successResponse(ctx.jobs.delete(jobId));
    throw methodNotAllowed();
  }
  if (action === "cancel") {
    if (method !== "POST") throw methodNotAllowed();
    return successResponse(ctx.jobs.cancel(jobId, ctx.now));
  }
  if (action === "messages") {
    if (method !== "GET") throw methodNotAllowed();
    const page = pageOf(ctx.jobs.rows(jobId, readJobStatus(params)), params, pagingOf(ctx, params));
    return successResponse(page.items, { resultInfo: page.resultInfo });
  }
  throw noRoute();
}
