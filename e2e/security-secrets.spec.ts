import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { expect, simulator, test } from "./fixtures";
import { E2E, OIDC } from "./env";

// The build and the server ran with these fake secrets (e2e/build.ts, playwright.config.ts).
const SECRETS = [E2E.apiToken, E2E.serverEnv.NEXTAUTH_SECRET, OIDC.clientSecret];

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

const PAGES = ["/messages", "/messages?final_disposition=MALICIOUS&range=7d", "/bulk", "/bulk/new", "/audit", "/signin"];

test("no secret reaches the browser bundle, a page, an API response or the server log", async ({ page, request }) => {
  const staticFiles = filesUnder(join(E2E.distDir, "static"));
  expect(staticFiles.length).toBeGreaterThan(10);
  for (const file of staticFiles) {
    const text = readFileSync(file, "latin1");
    for (const secret of SECRETS) expect(text.includes(secret), `${secret} in ${file}`).toBe(false);
  }

  const seen: string[] = [];
  page.on("response", async (response) => {
    try {
      seen.push(await response.text());
    } catch {
      // Redirects and aborted loads have no body.
    }
  });
  const fx = await simulator.fixtures();
  for (const path of [...PAGES, `/messages/${encodeURIComponent(fx.deliveredId)}?tab=raw`]) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(200);
    await page.waitForLoadState("networkidle");
  }
  // API answers, the failures included: an upstream error must not echo what was sent upstream.
  await request.put(`${E2E.simulatorUrl}/__simulator/faults`, { data: { rules: [{ status: 401, times: 2 }] } });
  for (const path of [
    "/api/email-security/investigate?per_page=5",
    "/api/email-security/investigate?per_page=5",
    "/api/email-security/investigate?per_page=oops",
    `/api/email-security/investigate/${encodeURIComponent(fx.deliveredId)}`,
    "/api/email-security/investigate/bulk",
    "/api/auth/session",
    "/api/auth/providers",
  ]) {
    seen.push(await (await page.request.get(path)).text());
  }
  await request.delete(`${E2E.simulatorUrl}/__simulator/faults`);

  expect(seen.length).toBeGreaterThan(PAGES.length);
  for (const body of seen) for (const secret of SECRETS) expect(body.includes(secret)).toBe(false);

  const log = readFileSync(E2E.serverLog, "utf8");
  expect(log).toContain("upstream: Cloudflare account");
  for (const secret of SECRETS) expect(log.includes(secret)).toBe(false);
});
