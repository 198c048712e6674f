import { describe, expect, it } from "vitest";
import type { AllowPolicy, BlockedSender } from "@/lib/policies/types";
import { senderStatusFromCopies } from "./policies";

const entry = (id: string, pattern: string, pattern_type: string, extra: Partial<AllowPolicy> = {}): AllowPolicy => ({
  id,
  pattern,
  pattern_type,
  is_regex: false,
  comments: null,
  created_at: null,
  modified_at: null,
  origin_message_id: null,
  kind: null,
  verify_sender: false,
  ...extra,
});

describe("senderStatusFromCopies", () => {
  const blocked: BlockedSender[] = [
    entry("b1", "bad@evil.example", "EMAIL"),
    entry("b2", "evil.example", "DOMAIN"),
    entry("b3", ".*@evil\\.example", "EMAIL", { is_regex: true }),
    entry("b4", "other.example", "DOMAIN"),
  ];
  const allowed: AllowPolicy[] = [
    entry("a1", "partner.example", "DOMAIN", { kind: "is_trusted_sender" }),
    entry("a2", "partner.example", "DOMAIN", { kind: "is_exempt_recipient" }),
  ];

  it("finds the literal entries that cover the sender, as the server's lookup does", () => {
    expect(senderStatusFromCopies("Bad@Mail.Evil.Example", blocked, allowed).blocked.map((c) => [c.entry.id, c.match])).toEqual([["b2", "domain"]]);
    expect(senderStatusFromCopies("bad@evil.example", blocked, allowed).blocked.map((c) => [c.entry.id, c.match])).toEqual([["b1", "address"], ["b2", "domain"]]);
  });

  it("leaves out exempt-recipient policies, which say nothing about senders", () => {
    expect(senderStatusFromCopies("ceo@partner.example", blocked, allowed).allowed.map((c) => c.entry.id)).toEqual(["a1"]);
  });

  it("finds nothing for a sender no entry names", () => {
    expect(senderStatusFromCopies("someone@elsewhere.example", blocked, allowed)).toEqual({ blocked: [], allowed: [] });
  });
});
