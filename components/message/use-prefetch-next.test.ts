import { QueryClient } from "@tanstack/react-query";
import { describe, expect, it } from "vitest";
import { ApiError } from "@/lib/queries/http";
import { budgetRecentlyLow } from "./use-prefetch-next";

describe("budgetRecentlyLow", () => {
  it("is true for a minute after a read was refused with 429, then false again", async () => {
    const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
    expect(budgetRecentlyLow(client)).toBe(false);
    await client
      .fetchQuery({ queryKey: ["x"], queryFn: () => Promise.reject(new ApiError(429, "paced", "Slow down", undefined, 5)) })
      .catch(() => {});
    const at = client.getQueryState(["x"])!.errorUpdatedAt;
    expect(budgetRecentlyLow(client, at + 1_000)).toBe(true);
    expect(budgetRecentlyLow(client, at + 61_000)).toBe(false);
  });

  it("ignores other failures", async () => {
    const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
    await client.fetchQuery({ queryKey: ["y"], queryFn: () => Promise.reject(new ApiError(502, "upstream", "Bad gateway")) }).catch(() => {});
    expect(budgetRecentlyLow(client)).toBe(false);
  });
});
