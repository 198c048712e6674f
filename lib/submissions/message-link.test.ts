import { describe, expect, it } from "vitest";
import { messageSearchSchema } from "@/lib/schemas/search";
import { LOOKBACK_MS, messageSearchHref } from "./message-link";

describe("messageSearchHref", () => {
  it("searches the subject in the week before the submission, clean mail included", () => {
    const href = messageSearchHref({ subject: "Invoice #4411 & more", requested_at: "2026-11-20T10:00:00Z" });
    expect(href).not.toBeNull();
    const url = new URL(href!, "http://x");
    expect(url.pathname).toBe("/messages");
    expect(url.searchParams.get("subject")).toBe("Invoice #4411 & more");
    expect(Date.parse(url.searchParams.get("end")!) - Date.parse(url.searchParams.get("start")!)).toBe(LOOKBACK_MS);
    // The link is one the message search accepts as it is.
    expect(messageSearchSchema.safeParse(Object.fromEntries(url.searchParams)).success).toBe(true);
  });

  it.each([
    ["no subject", { subject: null, requested_at: "2026-11-20T10:00:00Z" }],
    ["a blank subject", { subject: "  ", requested_at: "2026-11-20T10:00:00Z" }],
    ["a bad date", { subject: "Hi", requested_at: "yesterday" }],
    ["control characters", { subject: "a\r\nb", requested_at: "2026-11-20T10:00:00Z" }],
  ])("gives no link for %s", (_name, s) => {
    expect(messageSearchHref(s)).toBeNull();
  });
});
