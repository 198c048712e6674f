import { describe, expect, it } from "vitest";
import { describeAccessEvent } from "./describe";

describe("describeAccessEvent", () => {
  it.each([
    [{ operation: "sign_in", params: { provider: "local", reason: "bad_password" }, result: null }, "local: bad_password"],
    [{ operation: "sign_in", params: { provider: "oidc" }, result: null }, "oidc"],
    [{ operation: "sign_in", params: { provider: "local", reason: "throttled", attempts: 194 }, result: null }, "local: throttled × 194 attempts"],
    [{ operation: "sign_in", params: { provider: "local", reason: "bad_password", attempts: 1 }, result: null }, "local: bad_password"],
    [{ operation: "session_revoke", params: { scope: "everywhere" }, result: null }, "own sessions, everywhere"],
    [{ operation: "session_revoke", params: { scope: "user", whose: "a@x.test" }, result: null }, "sessions of a@x.test"],
    [{ operation: "forbidden", params: { method: "POST", route: "/api/x", missing_role: "admin" }, result: null }, "POST /api/x (needs admin)"],
    [{ operation: "audit_export", params: {}, result: { rows: 12 } }, "12 rows"],
    [{ operation: "move", params: {}, result: null }, null],
  ] as const)("%j → %s", (event, expected) => {
    expect(describeAccessEvent(event as never)).toBe(expected);
  });
});
