import { describe, expect, it } from "vitest";
import { AUDIT_URL_KEYS } from "@/lib/audit/url-keys";
import { JOB_LIST_URL_KEYS, JOB_MESSAGES_URL_KEYS } from "@/lib/bulk/list-url";
import { MESSAGE_PAGE_URL_KEYS } from "@/lib/messages/tabs";
import { POLICIES_URL_KEYS } from "@/lib/policies/url-keys";
import { SUBMISSIONS_URL_KEYS } from "@/lib/submissions/url-keys";
import type { UrlKeys } from "./url-keys";

// Every page's URL keys (the message search's are in lib/messages and lib/filters): each key's
// valid value round-trips through the nuqs serialiser and the reader; each invalid one is named.
type Cases = Record<string, { valid: string; invalid: string | null }>;
const PAGES: [string, UrlKeys<never>, Cases][] = [
  [
    "bulk jobs",
    JOB_LIST_URL_KEYS as never,
    {
      status: { valid: "PROCESSING", invalid: "RUNNING" },
      action_type: { valid: "RELEASE", invalid: "DELETE" },
      page: { valid: "3", invalid: "0" },
      per_page: { valid: "10", invalid: "5000" },
    },
  ],
  [
    "a job's messages",
    JOB_MESSAGES_URL_KEYS as never,
    { status: { valid: "SKIPPED", invalid: "DONE" }, page: { valid: "2", invalid: "x" }, per_page: { valid: "100", invalid: "0" } },
  ],
  [
    "audit",
    AUDIT_URL_KEYS as never,
    {
      email: { valid: "analyst@demo.test", invalid: "x".repeat(300) },
      operation: { valid: "sign_in", invalid: "hack" },
      outcome: { valid: "failed", invalid: "maybe" },
      start: { valid: "2026-11-20T00:00:00.000Z", invalid: "yesterday" },
      end: { valid: "2026-11-21T00:00:00.000Z", invalid: "tomorrow" },
      page: { valid: "2", invalid: "-1" },
      per_page: { valid: "50", invalid: "abc" },
    },
  ],
  [
    "a message",
    MESSAGE_PAGE_URL_KEYS as never,
    { tab: { valid: "action-log", invalid: "source" }, list: { valid: "sender=a@b.test&range=7d", invalid: null } },
  ],
  [
    "policies",
    POLICIES_URL_KEYS as never,
    {
      tab: { valid: "allowed", invalid: "denied" },
      search: { valid: "evil.example", invalid: "a\u0007b" },
      pattern: { valid: "payroll-notice@acme-payro11.test", invalid: "a\u0000b" },
      pattern_type: { valid: "DOMAIN", invalid: "REGEX!" },
      order: { valid: "created_at", invalid: "id" },
      direction: { valid: "asc", invalid: "up" },
      page: { valid: "2", invalid: "0" },
      per_page: { valid: "25", invalid: "101" },
    },
  ],
  [
    "submissions",
    SUBMISSIONS_URL_KEYS as never,
    {
      query: { valid: "invoice", invalid: "a\u0000b" },
      type: { valid: "USER", invalid: "ROBOT" },
      status: { valid: "escalated", invalid: "x".repeat(65) },
      original_disposition: { valid: "SPAM", invalid: "EVIL" },
      requested_disposition: { valid: "NONE", invalid: "evil" },
      outcome_disposition: { valid: "MALICIOUS", invalid: "?" },
      submission_id: { valid: "sub_0001", invalid: "a b" },
      start: { valid: "2026-11-20T00:00:00.000Z", invalid: "soon" },
      end: { valid: "2026-11-21T00:00:00.000Z", invalid: "later" },
      order: { valid: "subject", invalid: "sender" },
      direction: { valid: "desc", invalid: "down" },
      page: { valid: "4", invalid: "four" },
      per_page: { valid: "100", invalid: "1000" },
    },
  ],
];

describe.each(PAGES)("the %s URL", (_name, keys, cases) => {
  it("has a case for every key", () => {
    expect(Object.keys(cases)).toEqual(Object.keys(keys.defs));
  });

  it.each(Object.entries(cases))("round-trips %s", (key, { valid }) => {
    const read = keys.read(new URLSearchParams([[key, valid]]));
    expect(read.errors).toEqual({});
    const written = keys.serialize(read.values as never);
    const again = keys.read(new URLSearchParams(written));
    expect(again.values).toEqual(read.values);
    expect(again.raw).toEqual({ [key]: valid });
  });

  it.each(Object.entries(cases).filter(([, c]) => c.invalid !== null))("names a bad %s next to it and keeps it as typed", (key, { invalid }) => {
    const read = keys.read(new URLSearchParams([[key, invalid ?? ""]]));
    expect(Object.keys(read.errors)).toEqual([key]);
    expect(read.raw).toEqual({ [key]: invalid });
    expect(read.values).toEqual({});
  });
});

describe("rules across keys", () => {
  it("refuses an end before the start on the audit and submissions pages", () => {
    for (const keys of [AUDIT_URL_KEYS as never, SUBMISSIONS_URL_KEYS as never] as UrlKeys<never>[]) {
      const read = keys.read(new URLSearchParams("start=2026-11-21T00:00:00Z&end=2026-11-20T00:00:00Z"));
      expect(read.errors).toEqual({ end: "End must not be before start" });
      expect(read.values).toEqual({ start: "2026-11-21T00:00:00Z" });
    }
  });
});
