import { QueryClient } from "@tanstack/react-query";
import { describe, expect, it } from "vitest";
import type { Message } from "@/lib/cloudflare/types";
import { messageFromLists, messageQueries, messagePageKeys } from "./message";
import { messageKeys, type MessagePage } from "./messages";

const page = (ids: string[]): MessagePage => ({
  messages: ids.map((id) => ({ id, subject: `s-${id}` }) as Message),
  next: null,
  previous: null,
  nextPage: null,
  unreadable: 0,
  pending: false,
  retryAfterMs: 0,
  window: null,
});

describe("messageFromLists", () => {
  it("finds a message in any cached search list, with when that list was read", () => {
    const client = new QueryClient();
    client.setQueryData(messageKeys.list({ filters: {}, perPage: 50 } as never), page(["a", "b"]), { updatedAt: 1_000 });
    client.setQueryData(messageKeys.list({ filters: { sender: "x" }, perPage: 50 } as never), page(["c"]), { updatedAt: 2_000 });
    expect(messageFromLists(client, "c")).toEqual({ message: { id: "c", subject: "s-c" }, readAt: 2_000 });
    expect(messageFromLists(client, "a")?.readAt).toBe(1_000);
    expect(messageFromLists(client, "z")).toBeUndefined();
  });
});

describe("messageQueries", () => {
  it("keys every read of a message under the search root, so a move from the list refreshes it", () => {
    for (const key of [messageQueries.detail("m").queryKey, messageQueries.detections("m").queryKey, messagePageKeys.submissions("m")]) {
      expect(key.slice(0, 1)).toEqual(messageKeys.all);
    }
    // A reclassify refreshes the detail: the submissions, under it, follow.
    expect(messagePageKeys.submissions("m").slice(0, messagePageKeys.detail("m").length)).toEqual([...messagePageKeys.detail("m")]);
  });
});
