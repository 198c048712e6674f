import { describe, expect, it } from "vitest";
import { operationOf } from "./relay";

describe("operationOf", () => {
  it.each([
    ["/client/v4/accounts/a1/email-security/investigate?per_page=50", "investigate"],
    ["/client/v4/accounts/a1/email-security/investigate/m-1", "investigate/{id}"],
    ["/client/v4/accounts/a1/email-security/investigate/m-1/detections", "investigate/{id}/detections"],
    ["/client/v4/accounts/a1/email-security/investigate/move", "investigate/move"],
    ["/client/v4/accounts/a1/email-security/settings/block_senders?pattern=x", "settings/block_senders"],
    ["/client/v4/accounts/a1/email-security/settings/allow_policies/42", "settings/allow_policies/{id}"],
    ["/client/v4/accounts/a1/email-security/submissions?query=p", "submissions"],
  ])("%s → %s", (path, operation) => {
    expect(operationOf(path)).toBe(operation);
  });
});
