import { APIConnectionError, APIConnectionTimeoutError, APIError } from "cloudflare";
import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { callUpstream, toAppError } from "./errors";

const apiError = (status: number, message = "boom", headers: Record<string, string> = {}) =>
  APIError.generate(status, { errors: [{ code: 1000, message }] }, undefined, new Headers(headers));

describe("toAppError", () => {
  it.each([
    [400, 400, "upstream_rejected"],
    [404, 404, "not_found"],
    [409, 409, "upstream_rejected"],
    [401, 502, "upstream_auth"],
    [403, 502, "upstream_auth"],
    [500, 502, "upstream_error"],
    [503, 502, "upstream_error"],
  ])("maps upstream %i to %i %s", (upstream, status, code) => {
    const err = toAppError(apiError(upstream));
    expect(err.status).toBe(status);
    expect(err.code).toBe(code);
  });

  it("keeps Cloudflare's message on 4xx", () => {
    expect(toAppError(apiError(400, "start must not be in the future")).message).toContain(
      "start must not be in the future",
    );
  });

  it("keeps 429 with its Retry-After", () => {
    const err = toAppError(apiError(429, "slow down", { "retry-after": "17" }));
    expect(err).toMatchObject({ status: 429, code: "rate_limited", retryAfter: 17 });
  });

  it("maps timeouts to 504 and dropped connections to 502", () => {
    expect(toAppError(new APIConnectionTimeoutError()).status).toBe(504);
    expect(toAppError(new APIConnectionError({ message: "reset" })).status).toBe(502);
  });

  it("treats anything else from upstream as an unreadable reply", async () => {
    await expect(callUpstream(() => Promise.reject(new SyntaxError("Unexpected end of JSON")))).rejects.toMatchObject({
      code: "upstream_bad_response",
      status: 502,
    });
  });

  it("leaves AppErrors alone", () => {
    const err = new AppError("bad_request", "nope");
    expect(toAppError(err)).toBe(err);
  });
});
