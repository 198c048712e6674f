// Routes the Email Security endpoints beside Investigate: settings/block_senders,
// settings/allow_policies and submissions. Auth, faults and call recording happen before this, in index.ts.
import { ApiError, ERROR_CODES } from "./envelope";
import type { Dataset } from "./generate";
import { PolicyStore } from "./policies";
import { SubmissionStore } from "./submissions";

export interface SettingsState {
  policies: PolicyStore;
  submissions: SubmissionStore;
}

export function createSettingsState(seed: number, data: Dataset, now: number): SettingsState {
  return { policies: new PolicyStore(seed, data, now), submissions: new SubmissionStore(seed, data, now) };
}

/** The path segment after `email-security/` that this module answers. */
export const SETTINGS_AREAS: ReadonlySet<string> = new Set(["settings", "submissions"]);

function noRoute(): ApiError {
  return new ApiError(404, [{ code: ERROR_CODES.noRoute, message: "No route for that URI" }]);
}

export function routeSettingsApi(
  state: SettingsState,
  request: { method: string; area: string; rest: string[]; params: URLSearchParams; body: unknown; now: number },
): Response {
  const { method, area, rest, params, body, now } = request;
  if (area === "submissions") {
    if (rest.length > 0) throw noRoute();
    if (method !== "GET") throw new ApiError(405, [{ code: ERROR_CODES.methodNotAllowed, message: "Method not allowed for this route" }]);
    return state.submissions.list(params, now);
  }
  const [list, id, ...extra] = rest;
  // The batch endpoints exist upstream but the console does not use them.
  if ((list !== "block_senders" && list !== "allow_policies") || extra.length > 0 || id === "batch") throw noRoute();
  return state.policies.route(method, list, id, params, body, now);
}
