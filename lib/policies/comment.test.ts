import { hasNextPage } from "./types";
import { describe, expect, it } from "vitest";
import { MAX_COMMENT_CHARS, messageIdFromComment, messageLink, prefillComment } from "./comment";
import { coversSender, senderLookups, senderPattern } from "./sender";

const ID = "4Njp3P0STMz2c02Q-2026-11-20T10:00:00-12345678";

describe("prefillComment", () => {
  it("puts the message link first, then the subject in quotes", () => {
    expect(prefillComment({ origin: "https://triage.example.com/", messageId: ID, subject: "Invoice overdue" })).toBe(
      `From message https://triage.example.com/messages/${encodeURIComponent(ID)} — "Invoice overdue"`,
    );
  });

  it("leaves the subject out when there is none and flattens control characters", () => {
    expect(prefillComment({ origin: "http://x", messageId: "abc", subject: null })).toBe("From message http://x/messages/abc");
    expect(prefillComment({ origin: "http://x", messageId: "abc", subject: "a\r\nBcc: evil" })).toBe('From message http://x/messages/abc — "a Bcc: evil"');
  });

  it("shortens a very long subject and stays within the comment limit", () => {
    const text = prefillComment({ origin: "http://x", messageId: "abc", subject: "s".repeat(5000) });
    expect(text.length).toBeLessThanOrEqual(MAX_COMMENT_CHARS);
    expect(text).toContain("…");
    expect(messageIdFromComment(text)).toBe("abc");
  });
});

describe("messageIdFromComment", () => {
  it.each([
    ["a prefilled comment", prefillComment({ origin: "https://t.example", messageId: ID, subject: "Hi" }), ID],
    ["an encoded id", `see ${messageLink("https://t.example", ID)}`, ID],
    ["a relative link", `/messages/abc-123?tab=trace`, "abc-123"],
    ["no link", "Blocked after INC-2291", null],
    ["null", null, null],
    ["a traversal attempt", "https://t.example/messages/..%2F..%2Fadmin", null],
    ["broken percent-encoding", "https://t.example/messages/%E0%A4%A", null],
    ["an id with a dot (Cloudflare's ids may have them)", "https://t.example/messages/a.b", "a.b"],
    ["a dot segment", "https://t.example/messages/..", null],
  ])("%s", (_name, comment, expected) => {
    expect(messageIdFromComment(comment)).toBe(expected);
  });
});

describe("senderPattern and coversSender", () => {
  it("offers the address or its domain, lower-cased", () => {
    expect(senderPattern("Alice@Evil.Example", "address")).toEqual({ pattern: "alice@evil.example", pattern_type: "EMAIL" });
    expect(senderPattern("Alice@Evil.Example", "domain")).toEqual({ pattern: "evil.example", pattern_type: "DOMAIN" });
    expect(senderPattern("not an address", "domain")).toBeNull();
    expect(senderPattern(null, "address")).toBeNull();
  });

  it("matches literal entries for the address, the domain and its parents, never regexes", () => {
    const sender = "a@mail.evil.example";
    expect(coversSender({ pattern: "A@mail.evil.example", pattern_type: "EMAIL" }, sender)).toBe(true);
    expect(coversSender({ pattern: "evil.example", pattern_type: "DOMAIN" }, sender)).toBe(true);
    expect(coversSender({ pattern: "il.example", pattern_type: "DOMAIN" }, sender)).toBe(false);
    expect(coversSender({ pattern: "b@mail.evil.example", pattern_type: "EMAIL" }, sender)).toBe(false);
    expect(coversSender({ pattern: ".*", pattern_type: "EMAIL", is_regex: true }, sender)).toBe(false);
  });
});

describe("hasNextPage", () => {
  it.each([
    // total_count counts the unfiltered list: a short page is the last one whatever it says.
    [{ page: 1, per_page: 25, count: 7, total_count: 60 }, false],
    [{ page: 1, per_page: 25, count: 25, total_count: 60 }, true],
    [{ page: 3, per_page: 25, count: 10 }, false],
    [{ page: 2, per_page: 25, count: 25 }, true],
    [{ page: 2, per_page: 25, count: 0 }, false],
    [undefined, false],
  ])("%o → %s", (info, expected) => {
    expect(hasNextPage(info)).toBe(expected);
  });
});

describe("senderLookups", () => {
  it.each([
    ["a@evil.example", ["a@evil.example", "evil.example"]],
    ["Boss@Mail.Target-Bank.co.uk", ["boss@mail.target-bank.co.uk", "mail.target-bank.co.uk", "target-bank.co.uk", "co.uk"]],
    // Deeper than four domains: the domain itself and its shortest parents, where blocks are made.
    ["x@a.b.c.d.evil.example", ["x@a.b.c.d.evil.example", "a.b.c.d.evil.example", "c.d.evil.example", "d.evil.example", "evil.example"]],
    ["x@localhost", ["x@localhost"]],
    ["not an address", []],
  ])("%s → %o", (sender, patterns) => {
    expect(senderLookups(sender).map((l) => l.pattern)).toEqual(patterns);
  });

  it("names the first lookup the address and the rest domains", () => {
    expect(senderLookups("a@b.example").map((l) => l.match)).toEqual(["address", "domain"]);
  });
});
