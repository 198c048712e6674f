import { spawn, type ChildProcess } from "node:child_process";
import { request as requestContext, type APIRequestContext, type APIResponse } from "@playwright/test";
import { freePortForTests } from "../lib/testing/backends";
import { E2E, USERS } from "./env";
import { expect, simulator, test } from "./fixtures";

// A viewer (the lowest role that can ask for a count) loops on broad bulk counts, each paging the
// search three times upstream, to spend the team's Cloudflare budget. Every count takes its three
// reads from the viewer's share before it starts; the share (a quarter of the account's by
// default) runs out first, the viewer is told to wait, and a colleague still gets answers.
//
// On a console of its own, with the account's budget small (40 reads per 5 minutes, so the
// default share is 10): the loop would otherwise leave the shared stack's budget spent for the
// journeys after this one.

const ACCOUNT_BUDGET = 40;
const DEFAULT_SHARE = ACCOUNT_BUDGET / 4;
let console_: { url: string; process: ChildProcess } | undefined;

test.use({ storageState: { cookies: [], origins: [] } });

test.beforeAll(async () => {
  test.setTimeout(180_000);
  const port = await freePortForTests();
  const url = `http://127.0.0.1:${port}`;
  const child = spawn("npx", ["next", "start", "-H", "127.0.0.1", "-p", String(port)], {
    env: {
      ...process.env,
      ...E2E.serverEnv,
      NEXTAUTH_URL: url,
      DATABASE_URL: `./data/e2e-read-budget-${port}.db`,
      UPSTREAM_READ_BUDGET: String(ACCOUNT_BUDGET),
      // Every read goes upstream, so the counts below are exact.
      READ_CACHE_MS: "0",
    },
    stdio: "ignore",
    detached: true,
  });
  console_ = { url, process: child };
  await expect
    .poll(async () => (await fetch(`${url}/api/health/ready`).catch(() => null))?.status, { timeout: 120_000, intervals: [250] })
    .toBe(200);
});

test.afterAll(() => {
  // npx started next as a child: end the group this test started, by its id.
  if (console_?.process.pid) process.kill(-console_.process.pid, "SIGTERM");
});

async function signedIn(user: { email: string; password: string }): Promise<APIRequestContext> {
  const api = await requestContext.newContext({ baseURL: console_!.url });
  const { csrfToken } = (await (await api.get("/api/auth/csrf")).json()) as { csrfToken: string };
  const reply = await api.post("/api/auth/callback/local", { form: { csrfToken, ...user }, maxRedirects: 0 });
  expect(new URL(reply.headers().location!).searchParams.get("error")).toBeNull();
  return api;
}

const upstreamSearches = async () =>
  (await simulator.calls()).filter((c) => c.method === "GET" && /\/email-security\/investigate\/?$/.test(c.path)).length;

test("a viewer's count loop stops at the viewer's share of the account's reads; a colleague still gets answers", async () => {
  const viewer = await signedIn(USERS.viewer);
  await simulator.clearCalls();

  let refused: APIResponse | undefined;
  let answered = 0;
  for (let i = 0; i < ACCOUNT_BUDGET && !refused; i++) {
    const reply = await viewer.get("/api/email-security/investigate/bulk/count?detections_only=false");
    if (reply.status() === 429) refused = reply;
    else {
      expect(reply.status()).toBe(200);
      answered++;
    }
  }
  expect(refused, "the loop was never told to wait").toBeDefined();
  expect(Number(refused!.headers()["retry-after"])).toBeGreaterThan(0);
  const body = (await refused!.json()) as { error: { message: string } };
  expect(body.error.message).toMatch(new RegExp(`your share of the account's reads \\(${DEFAULT_SHARE} per 5 minutes\\)`));
  // Each count took its reads before it started (and gave back what it did not use); the one
  // refused sent nothing, so the viewer never got past the share.
  expect(answered).toBeGreaterThanOrEqual(1);
  expect(await upstreamSearches()).toBeLessThanOrEqual(DEFAULT_SHARE);

  // The rest of the account's budget is still there for the team.
  const analyst = await signedIn(USERS.analyst);
  const search = await analyst.get("/api/email-security/investigate?per_page=5");
  expect(search.status()).toBe(200);
  await viewer.dispose();
  await analyst.dispose();
});
