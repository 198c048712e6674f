import type { APIResponse } from "@playwright/test";
import { USERS } from "./env";
import { expect, simulator, test } from "./fixtures";
import { signedInApi, startOwnConsole, type OwnConsole } from "./own-console";

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
let own: OwnConsole | undefined;

test.use({ storageState: { cookies: [], origins: [] } });

test.beforeAll(async () => {
  test.setTimeout(180_000);
  // Every read goes upstream, so the counts below are exact.
  own = await startOwnConsole({ UPSTREAM_READ_BUDGET: String(ACCOUNT_BUDGET), READ_CACHE_MS: "0" });
});

test.afterAll(() => own?.stop());

const upstreamSearches = async () =>
  (await simulator.calls()).filter((c) => c.method === "GET" && /\/email-security\/investigate\/?$/.test(c.path)).length;

test("a viewer's count loop stops at the viewer's share of the account's reads; a colleague still gets answers", async () => {
  const viewer = await signedInApi(own!.url, USERS.viewer);
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
  const analyst = await signedInApi(own!.url, USERS.analyst);
  const search = await analyst.get("/api/email-security/investigate?per_page=5");
  expect(search.status()).toBe(200);
  await viewer.dispose();
  await analyst.dispose();
});
