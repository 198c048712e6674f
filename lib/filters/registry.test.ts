import { describe, expect, it } from "vitest";
import { filtersToBulkSearchParams } from "@/lib/bulk/search-params";
import { describeFilters, labelFor, parseMessageUrl, serializeMessageUrl } from "@/lib/messages/search-url";
import { bulkSearchParamsSchema } from "@/lib/schemas/bodies";
import { messageSearchSchema, type MessageFilters } from "@/lib/schemas/search";
import { queryParameters, readDescription, SDK_ONLY_QUERY_PARAMETERS } from "@/lib/testing/description";
import { ALL_FILTER_KEYS, BULK_ONLY_KEYS, FILTERS, SEARCH_FILTER_KEYS, bulkParamKey, filterForBulkParam, type FilterKey } from "./registry";

/** A valid URL value per filter: a new filter needs one here, and is then round-tripped below. */
const VALID: Record<FilterKey, string> = {
  query: "invoice",
  sender: "billing@example.test",
  recipient: "soc@example.test",
  subject: "Invoice overdue",
  domain: "example.test",
  alert_id: "alert-0001",
  message_id: "<0001@example.test>",
  smtp_helo_ip: "2001:db8::10",
  start: "2026-11-20T00:00:00Z",
  end: "2026-11-21T00:00:00Z",
  final_disposition: "MALICIOUS",
  delivery_status: "quarantined",
  message_action: "MOVED",
  detections_only: "false",
  metric: "malicious",
  exact_subject: "Invoice overdue",
  submission: "true",
};

/** Invalid URL values per filter, each of which must be refused next to that filter. */
const INVALID: Record<FilterKey, string[]> = {
  query: ["a\u0007b", "x".repeat(513)],
  sender: ["a\u0000b", "x".repeat(257)],
  recipient: ["a\u001fb", "x".repeat(257)],
  subject: ["a\u007fb", "x".repeat(513)],
  domain: ["x".repeat(254)],
  alert_id: ["x".repeat(129)],
  message_id: ["x".repeat(513)],
  smtp_helo_ip: ["not-an-ip", "999.1.1.1"],
  start: ["yesterday", "2026-11-20"],
  end: ["tomorrow", "2026-13-01T00:00:00Z"],
  final_disposition: ["EVIL", "MALICIOUS-BEC"],
  delivery_status: ["lost"],
  message_action: ["DELETED"],
  detections_only: ["yes", "1"],
  metric: ["x".repeat(65)],
  exact_subject: ["x".repeat(1001)],
  submission: ["maybe"],
};

describe("the filter registry", () => {
  it("has a sample for every filter", () => {
    expect(Object.keys(VALID).sort()).toEqual(Object.keys(FILTERS).sort());
    expect(Object.keys(INVALID).sort()).toEqual(Object.keys(FILTERS).sort());
  });

  it("offers the search exactly the search operation's filters (and the SDK-only ones), the bulk-only ones besides", () => {
    const declared = [...queryParameters("email_security_investigate"), ...(SDK_ONLY_QUERY_PARAMETERS.email_security_investigate ?? [])];
    for (const key of SEARCH_FILTER_KEYS) expect(declared, key).toContain(key);
    for (const key of BULK_ONLY_KEYS) expect(declared, key).not.toContain(key);
    expect(BULK_ONLY_KEYS).toEqual(["exact_subject", "submission"]);
  });

  it("sends a bulk job only fields its search_params declare (or the SDK has)", () => {
    const description = readDescription() as unknown as { components: { schemas: Record<string, { properties?: Record<string, unknown> }> } };
    const declared = Object.keys(description.components.schemas["email-security_BulkSearchParams"]?.properties ?? {});
    for (const key of ALL_FILTER_KEYS) {
      const name = bulkParamKey(key);
      if ((FILTERS[key] as { source?: string }).source === "sdk") expect(declared, name).not.toContain(name);
      else expect(declared, name).toContain(name);
      expect(filterForBulkParam(name)).toBe(key);
    }
  });

  it.each(ALL_FILTER_KEYS)("round-trips %s through the bulk form's URL, the search route and a job's search_params", (key) => {
    const url = new URLSearchParams({ [key]: VALID[key] }).toString();
    const parsed = parseMessageUrl(new URLSearchParams(url), "bulk");
    expect(parsed.errors).toEqual({});
    // nuqs writes values more readably (`@`, `:` stay); decoded, it is the same link.
    expect(new URLSearchParams(serializeMessageUrl(parsed.state, "bulk")).toString()).toBe(url);
    expect(describeFilters(parsed.state, "bulk")).toEqual([{ key, label: FILTERS[key].label, value: VALID[key] }]);

    const body = bulkSearchParamsSchema.safeParse(filtersToBulkSearchParams(parsed.state.filters));
    expect(body.success, JSON.stringify(body.error?.issues)).toBe(true);
    expect(Object.keys(body.data ?? {})).toEqual([bulkParamKey(key)]);

    const search = messageSearchSchema.safeParse({ [key]: VALID[key] });
    expect(search.success).toBe(FILTERS[key].in === "both");
  });

  it("leaves bulk-only filters out of the search page's state, and says so", () => {
    const parsed = parseMessageUrl(new URLSearchParams("exact_subject=Hi&submission=true&sender=a%40b.test"));
    expect(parsed.state.filters).toEqual({ sender: "a@b.test" } satisfies MessageFilters);
    expect(parsed.bulkOnlyKeys).toEqual(["exact_subject", "submission"]);
  });

  const invalid = ALL_FILTER_KEYS.flatMap((key) => INVALID[key].map((value) => [key, value] as const));
  it.each(invalid)("refuses %s=%j next to its control, keeping the other filters", (key, value) => {
    const params = new URLSearchParams({ [key]: value, ...(key === "sender" ? { recipient: "x@y.test" } : { sender: "x@y.test" }) });
    const parsed = parseMessageUrl(params, "bulk");
    expect(Object.keys(parsed.errors)).toEqual([key]);
    expect(parsed.raw[key]).toBe(value);
    expect(parsed.state.filters).not.toHaveProperty(key);
    expect(Object.keys(parsed.state.filters)).toHaveLength(1);
  });

  it("names text filters by their label in the route's errors", () => {
    const result = messageSearchSchema.safeParse({ smtp_helo_ip: "nope", sender: "" });
    expect(result.success).toBe(false);
    const messages = result.error?.issues.map((i) => i.message) ?? [];
    expect(messages).toContain(`${labelFor("smtp_helo_ip")} must be an IPv4 or IPv6 address`);
    expect(messages).toContain(`${labelFor("sender")} must not be empty`);
  });
});
