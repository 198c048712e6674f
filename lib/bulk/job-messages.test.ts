import { describe, expect, it } from "vitest";
import type { Message } from "@/lib/cloudflare/types";
import { jobMessageLink } from "./job-messages";

describe("jobMessageLink", () => {
  const investigateId = "4Njp3P0STMz2c02Q-2026-11-20T10:00:00-12345678";

  it("opens the embedded message's page, with the id encoded", () => {
    expect(jobMessageLink({ message: { id: investigateId } as Message, postfix_id: "4Njp3P0STMz2c02Q" })).toEqual({
      kind: "message",
      id: investigateId,
      href: `/messages/${encodeURIComponent(investigateId)}`,
    });
  });

  it("encodes odd ids so the link round-trips", () => {
    const odd = "a1.b2+c3:d=4";
    const link = jobMessageLink({ message: { id: odd } as Message, postfix_id: "p" });
    expect(link?.href).toBe("/messages/a1.b2%2Bc3%3Ad%3D4");
    expect(decodeURIComponent(link!.href.slice("/messages/".length))).toBe(odd);
  });

  it.each([
    ["the message is absent", { postfix_id: "4Njp3P0STMz2c02Q" }],
    ["the message is null", { message: null, postfix_id: "4Njp3P0STMz2c02Q" }],
    ["the embedded id is unsafe", { message: { id: "../x" } as Message, postfix_id: "4Njp3P0STMz2c02Q" }],
  ])("searches for the postfix id when %s, never /messages/{postfix_id}", (_name, row) => {
    const link = jobMessageLink(row);
    expect(link?.kind).toBe("search");
    expect(link?.href).toBe("/messages?query=4Njp3P0STMz2c02Q&detections_only=false");
    expect(link?.href.startsWith("/messages/")).toBe(false);
  });

  it("has no link for a row with nothing usable", () => {
    expect(jobMessageLink({ postfix_id: "a\u0000b" })).toBeNull();
  });
});
