import { spawn, type ChildProcess } from "node:child_process";
import type { APIRequestContext, Browser } from "@playwright/test";
import { freePortForTests, freshDatabase, startPostgres, startRedis, type TestServer } from "../lib/testing/backends";
import { E2E, SESSION_USERS, USERS } from "./env";
import { expect, test } from "./fixtures";

// Two console instances (two `next start` of this build) on one PostgreSQL and one Redis, as a
// load balancer would have them: what one instance decides, the other must honour.

const BUDGET = 30;
type Instance = { url: string; process: ChildProcess };

let postgres: TestServer;
let database: { url: string; drop(): Promise<void> };
let redis: Awaited<ReturnType<typeof startRedis>>;
let a: Instance;
let b: Instance;

async function startInstance(port: number, publicUrl: string): Promise<Instance> {
  const url = `http://127.0.0.1:${port}`;
  const child = spawn("npx", ["next", "start", "-H", "127.0.0.1", "-p", String(port)], {
    env: {
      ...process.env,
      ...E2E.serverEnv,
      // Behind one load balancer both instances have the same public URL.
      NEXTAUTH_URL: publicUrl,
      DATABASE_URL: database.url,
      REDIS_URL: redis.url,
      UPSTREAM_READ_BUDGET: String(BUDGET),
      // The whole budget to one person, so the account's (not the person's share) is what stops them.
      USER_READ_SHARE: String(BUDGET),
      // Every read goes upstream, so the count below is exact.
      READ_CACHE_MS: "0",
    },
    stdio: "ignore",
    detached: true,
  });
  await expect
    .poll(async () => (await fetch(`${url}/api/health/ready`).catch(() => null))?.status, { timeout: 60_000, intervals: [250] })
    .toBe(200);
  return { url, process: child };
}

function stop(instance: Instance | undefined) {
  // npx started next as a child: end the group this test started, by its id.
  if (instance?.process.pid) process.kill(-instance.process.pid, "SIGTERM");
}

test.use({ storageState: { cookies: [], origins: [] } });
test.describe.configure({ mode: "serial" });

test.beforeAll(async () => {
  test.setTimeout(180_000);
  postgres = await startPostgres();
  database = await freshDatabase(postgres.url);
  redis = await startRedis(await freePortForTests());
  const [portA, portB] = [await freePortForTests(), await freePortForTests()];
  // A first: its start migrates the database; B finds it done (and would wait on the lock if not).
  a = await startInstance(portA, `http://127.0.0.1:${portA}`);
  b = await startInstance(portB, `http://127.0.0.1:${portA}`);
});

test.afterAll(async () => {
  stop(a);
  stop(b);
  await redis?.stop();
  await database?.drop();
  await postgres?.stop();
});

/** Signs in through instance A's real sign-in page; the context's cookie then goes to both (cookies ignore ports). */
async function signInOnA(browser: Browser, user: { email: string; password: string }): Promise<APIRequestContext> {
  const context = await browser.newContext({ baseURL: a.url });
  const page = await context.newPage();
  await page.goto("/signin");
  await page.getByLabel("Email").fill(user.email);
  await page.getByLabel("Password").fill(user.password);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page).toHaveURL(/\/messages/);
  // The list page reads from Cloudflare as it loads; let it finish before anything is counted.
  await page.waitForLoadState("networkidle");
  await page.close();
  return context.request;
}

const search = (instance: Instance, query = "") => `${instance.url}/api/email-security/investigate?per_page=1${query}`;

test("a session signed in through A works on B, and ending it through A ends it on B", async ({ browser }) => {
  const roamer = await signInOnA(browser, SESSION_USERS.roamer);
  expect((await roamer.get(search(b))).status()).toBe(200);
  const ended = await roamer.post(`${a.url}/api/sessions/end-mine`, { headers: { origin: a.url } });
  expect(ended.status()).toBe(200);
  expect((await roamer.get(search(b))).status()).toBe(401);
});

test("an audit record written through A is read through B", async ({ browser }) => {
  const analyst = await signInOnA(browser, USERS.analyst);
  const { deliveredId } = (await (await fetch(`${E2E.simulatorUrl}/__simulator/fixtures`)).json()).result as { deliveredId: string };
  expect((await analyst.get(`${a.url}/api/email-security/investigate/${deliveredId}/raw`)).status()).toBe(200);

  const admin = await signInOnA(browser, USERS.admin);
  const trail = await admin.get(`${b.url}/api/audit?operation=raw_download&email=${encodeURIComponent(USERS.analyst.email)}`);
  expect(trail.status()).toBe(200);
  expect((await trail.json()).result).toEqual([expect.objectContaining({ operation: "raw_download", message_ids: [deliveredId] })]);
});

test("the account budget is shared: both instances together send at most the budget upstream", async ({ browser }) => {
  const admin = await signInOnA(browser, USERS.admin);
  await fetch(`${E2E.simulatorUrl}/__simulator/calls`, { method: "DELETE" });
  const statuses: number[] = [];
  for (let i = 0; i < BUDGET + 10; i++) {
    // Distinct searches, alternating instances: no coalescing, no cache.
    statuses.push((await admin.get(search(i % 2 ? b : a, `&query=budget-${i}`))).status());
  }
  const calls = (await (await fetch(`${E2E.simulatorUrl}/__simulator/calls`)).json()).result as { path: string }[];
  const searches = calls.filter((c) => /\/email-security\/investigate$/.test(c.path));
  expect(searches.length).toBeLessThanOrEqual(BUDGET);
  expect(statuses.filter((s) => s === 200)).toHaveLength(searches.length);
  // Each instance alone would have let all 40 through; together they stop at the shared budget.
  expect(statuses.slice(-10)).toEqual(Array(10).fill(429));
});

test("with Redis stopped reads are refused with 503 rate state unavailable, and come back with it", async ({ browser }) => {
  test.setTimeout(90_000);
  const viewer = await signInOnA(browser, USERS.viewer);
  await redis.pause();
  const refused = await viewer.get(search(a, "&query=outage"));
  expect(refused.status()).toBe(503);
  expect((await refused.json()).error).toMatchObject({ code: "rate_state_unavailable", message: expect.stringMatching(/Rate state unavailable/) });
  expect((await fetch(`${b.url}/api/health/ready`)).status).toBe(503);

  await redis.restart();
  await expect.poll(async () => (await viewer.get(search(b, "&query=recovered"))).status(), { timeout: 30_000, intervals: [500] }).toBe(200);
  expect((await fetch(`${a.url}/api/health/ready`)).status).toBe(200);
});
