import { describe, expect, it, vi } from "vitest";
import { GET as search } from "@/app/api/email-security/investigate/route";
import { POST as moveOne } from "@/app/api/email-security/investigate/[id]/move/route";
import { getSimulator } from "@/lib/simulator";
import { callRoute, sessionCookie } from "@/lib/testing/routes";

delete process.env.CLOUDFLARE_API_TOKEN;
process.env.USER_READ_BUDGET = "3";
process.env.USER_WRITE_BUDGET = "2";

// Server components read cookies through next/headers; here they are the test's.
const jar = vi.hoisted(() => ({ cookies: [] as { name: string; value: string }[] }));
vi.mock("next/headers", () => ({ cookies: async () => ({ getAll: () => jar.cookies }), headers: async () => new Headers() }));
const { default: MessagePage } = await import("@/app/(console)/messages/[id]/page");

const sim = getSimulator();
const as = async (email: string, role: "viewer" | "analyst" = "viewer") => ({ cookie: await sessionCookie(role, email) });
const get = (headers: Record<string, string>, method = "GET") => callRoute(search, "/x", { query: "per_page=1", headers, method });

describe("per-user read pacing", () => {
  it("slows one user down with a 429 and Retry-After while others carry on", async () => {
    const busy = await as("loop@x.test");
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) statuses.push((await get(busy)).status);
    expect(statuses).toEqual([200, 200, 200, 429]);
    const refused = await get(busy);
    expect(refused.json.error.message).toMatch(/Slow down/);
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);

    expect((await get(await as("calm@x.test"))).status).toBe(200);
  });

  it("counts HEAD requests like GET", async () => {
    const headers = await as("head@x.test");
    const statuses: number[] = [];
    for (let i = 0; i < 3; i++) statuses.push((await get(headers, "HEAD")).status);
    expect(statuses).toEqual([200, 200, 200]);
    expect((await get(headers)).status).toBe(429);
  });

  it("counts a server-rendered message page, before it asks Cloudflare", async () => {
    const headers = await as("pages@x.test");
    const [name, value] = headers.cookie.split(/=(.*)/s) as [string, string];
    jar.cookies = [{ name, value }];
    const id = sim.fixtures().deliveredId;
    await MessagePage({ params: Promise.resolve({ id }), searchParams: Promise.resolve({ tab: "trace" }) });
    await MessagePage({ params: Promise.resolve({ id }), searchParams: Promise.resolve({ tab: "trace" }) });
    expect((await get(headers)).status).toBe(200);
    expect((await get(headers)).status).toBe(429);

    sim.clearCalls();
    await MessagePage({ params: Promise.resolve({ id }), searchParams: Promise.resolve({ tab: "trace" }) });
    expect(sim.calls()).toHaveLength(0);
  });
});

describe("per-user change pacing", () => {
  it("limits changes per user, before they reach Cloudflare", async () => {
    const analyst = await as("mover@x.test", "analyst");
    const id = sim.fixtures().deliveredId;
    const move = () => callRoute(moveOne, `/x/${id}/move`, { params: { id }, body: { destination: "Inbox" }, headers: analyst });
    expect((await move()).status).toBe(200);
    expect((await move()).status).toBe(200);
    sim.clearCalls();
    const refused = await move();
    expect(refused.status).toBe(429);
    expect(refused.json.error.message).toMatch(/more changes than the console allows/);
    expect(sim.calls()).toHaveLength(0);

    const other = await as("other@x.test", "analyst");
    expect((await callRoute(moveOne, `/x/${id}/move`, { params: { id }, body: { destination: "Inbox" }, headers: other })).status).toBe(200);
  });
});
