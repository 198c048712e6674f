import type { DehydratedState } from "@tanstack/react-query";
import type { ReactElement } from "react";
import { describe, expect, it, vi } from "vitest";
import { getSimulator } from "@/lib/simulator";
import { messageQueries } from "@/lib/queries/message";
import { sessionCookie } from "@/lib/testing/routes";

delete process.env.CLOUDFLARE_API_TOKEN;
// Every render asks Cloudflare: no answers from the read cache between the cases.
process.env.READ_CACHE_MS = "0";

// The page reads the session from cookies and the request's purpose from its headers.
const request = vi.hoisted(() => ({ cookies: [] as { name: string; value: string }[], headers: new Headers() }));
vi.mock("next/headers", () => ({ cookies: async () => ({ getAll: () => request.cookies }), headers: async () => request.headers }));
const { default: MessageRoute } = await import("./page");

const sim = getSimulator();

async function render(id: string, options: { tab?: string; dest?: string } = {}) {
  const cookie = await sessionCookie("viewer", "reader@x.test");
  const [name, value] = cookie.split(/=(.*)/s) as [string, string];
  request.cookies = [{ name, value }];
  request.headers = new Headers(options.dest ? { "sec-fetch-dest": options.dest } : {});
  sim.clearCalls();
  const element = (await MessageRoute({
    params: Promise.resolve({ id }),
    searchParams: Promise.resolve(options.tab ? { tab: options.tab } : {}),
  })) as ReactElement<{ state: DehydratedState }>;
  const reads = sim.calls().filter((c) => c.method === "GET").map((c) => c.path.replace(/^.*\/investigate\/[^/]+/, "") || "message");
  const seeded = element.props.state.queries.map((q) => JSON.stringify(q.queryKey));
  return { reads, seeded };
}

describe("the message page's server render", () => {
  const id = sim.fixtures().deliveredId;
  const key = (k: readonly unknown[]) => JSON.stringify(k);

  it("on a page load reads the message and its detections once and seeds the browser's cache with both", async () => {
    const { reads, seeded } = await render(id, { dest: "document" });
    expect(reads.sort()).toEqual(["/detections", "message"]);
    expect(seeded.sort()).toEqual([key(messageQueries.detail(id).queryKey), key(messageQueries.detections(id).queryKey)].sort());
  });

  it("reads only the message on a tab that does not show detections", async () => {
    const { reads, seeded } = await render(id, { dest: "document", tab: "trace" });
    expect(reads).toEqual(["message"]);
    expect(seeded).toEqual([key(messageQueries.detail(id).queryKey)]);
  });

  it("reads as on a page load when the browser does not say what the request is for", async () => {
    expect((await render(id)).reads.sort()).toEqual(["/detections", "message"]);
  });

  it("reads nothing for an in-app navigation or prefetch: the browser's cache has the message or reads it", async () => {
    const { reads, seeded } = await render(id, { dest: "empty" });
    expect(reads).toEqual([]);
    expect(seeded).toEqual([]);
  });
});
