import { describe, expect, it } from "vitest";
import { contractOperationIds, settingsContractOperationIds } from "@/lib/simulator/contract-validator";
import { deprecatedFieldsSent, deprecatedNames, SDK_PARAMS } from "./deprecated-fields";

const exchange = (operationId: string, requestBody: unknown, query = "") => ({
  operationId,
  method: "POST",
  path: "/x",
  query: new URLSearchParams(query),
  requestBody,
});

describe("deprecated fields, from the descriptions and the SDK's types", () => {
  it("knows every operation of both descriptions, and its SDK parameters", () => {
    expect(Object.keys(SDK_PARAMS).sort()).toEqual([...contractOperationIds, ...settingsContractOperationIds].sort());
    expect([...deprecatedNames().keys()].sort()).toEqual(Object.keys(SDK_PARAMS).sort());
  });

  it("finds what each source deprecates", () => {
    const names = deprecatedNames();
    expect([...names.get("email_security_create_allow_policy")!.body].sort()).toEqual(["is_recipient", "is_sender", "is_spoof", "last_modified"]);
    expect([...names.get("email_security_create_allow_policy")!.sdk].sort()).toEqual(["is_recipient", "is_sender", "is_spoof"]);
    expect([...names.get("email_security_investigate")!.query]).toEqual(["page"]);
    expect([...names.get("email_security_post_bulk_move")!.sdk].sort()).toEqual(["expected_disposition", "postfix_ids"]);
    expect([...names.get("email_security_post_message_move")!.sdk]).toEqual(["expected_disposition"]);
  });

  it("would have caught the allow-policy create of issue 20 (item 1)", () => {
    const body = { pattern: "a.example", pattern_type: "DOMAIN", is_regex: false, verify_sender: true, is_trusted_sender: false, is_acceptable_sender: true, is_exempt_recipient: false, is_sender: true, is_recipient: false };
    expect(deprecatedFieldsSent(exchange("email_security_create_allow_policy", body))).toEqual([
      "email_security_create_allow_policy: body /is_sender (deprecated by the description)",
      "email_security_create_allow_policy: body /is_recipient (deprecated by the description)",
    ]);
    const { is_sender: _s, is_recipient: _r, ...clean } = body;
    expect(deprecatedFieldsSent(exchange("email_security_create_allow_policy", clean))).toEqual([]);
  });

  it("looks at query parameters and nested body properties", () => {
    expect(deprecatedFieldsSent(exchange("email_security_investigate", undefined, "page=2&per_page=5"))).toEqual(["email_security_investigate: query page (deprecated by the description)"]);
    expect(deprecatedFieldsSent(exchange("email_security_create_bulk_job", { action: "RELEASE", search_params: { action_log: true } }))).toEqual([
      "email_security_create_bulk_job: body /search_params/action_log (deprecated by the description)",
    ]);
    expect(deprecatedFieldsSent(exchange("email_security_post_message_move", { destination: "Inbox", expected_disposition: "SPAM" }))).toEqual([
      "email_security_post_message_move: body /expected_disposition (deprecated by the SDK's types)",
    ]);
  });
});
