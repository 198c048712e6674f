import { describe, expect, it } from "vitest";
import { failureAdvice } from "./failure-advice";

describe("what to do after a failed change", () => {
  it.each([
    [{ status: 0, code: "network_error" }, /may not have reached.*action log/],
    [{ status: 401, code: "unauthorized" }, /Sign in again/],
    [{ status: 403, code: "forbidden" }, /Nothing was changed/],
    [{ status: 409, code: "conflict" }, /Reload/],
    [{ status: 429, code: "paced", retryAfter: 12 }, /Wait 12 s/],
    [{ status: 429, code: "rate_limited" }, /Wait a moment/],
    [{ status: 504, code: "upstream_timeout" }, /may or may not have been made.*action log/],
    [{ status: 502, code: "upstream_error" }, /may or may not have been made/],
    [{ status: 400, code: "upstream_rejected" }, /nothing was changed/],
    [{ status: 503, code: "rate_state_unavailable" }, /Try again in a minute/],
  ])("%o", (facts, advice) => {
    expect(failureAdvice(facts)).toMatch(advice);
  });
});
