import { afterEach, describe, expect, it, vi } from "vitest";
import { register } from "../instrumentation";

afterEach(() => vi.restoreAllMocks());

describe("start-up", () => {
  it("stops with a message naming the missing variable", async () => {
    process.env.NEXT_RUNTIME = "nodejs";
    process.env.CLOUDFLARE_API_TOKEN = "fake-token-for-tests";
    delete process.env.CLOUDFLARE_ACCOUNT_ID;
    const exit = vi.spyOn(process, "exit").mockImplementation(((code?: number) => {
      throw new Error(`exit ${code}`);
    }) as never);
    const error = vi.spyOn(console, "error").mockImplementation(() => {});
    await expect(register()).rejects.toThrow("exit 1");
    expect(exit).toHaveBeenCalledWith(1);
    expect(String(error.mock.calls[0]?.[0])).toContain("CLOUDFLARE_ACCOUNT_ID is missing");
    expect(String(error.mock.calls[0]?.[0])).not.toContain("fake-token-for-tests");
  });
});
