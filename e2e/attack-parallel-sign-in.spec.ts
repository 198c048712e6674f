import { expect, test, type APIRequestContext } from "@playwright/test";

// An outsider sends 200 wrong passwords for one account at the same moment, straight at next-auth's
// credentials endpoint, hoping they all pass the limit before any of them is counted. Each attempt
// is counted before its password is hashed: at most the five free tries and one retry are
// checked, the rest are refused as throttled, and the sign-in page then says how long to wait.

test.use({ storageState: { cookies: [], origins: [] } });

const ATTEMPTS = 200;

/** next-auth's reply to one sign-in attempt: the `error` it sends the browser back with. */
async function attempt(request: APIRequestContext, csrfToken: string, email: string): Promise<string> {
  const reply = await request.post("/api/auth/callback/local", {
    form: { csrfToken, email, password: "not-the-password" },
    maxRedirects: 0,
  });
  expect(reply.status()).toBe(302);
  return new URL(reply.headers().location!, "http://x").searchParams.get("error") ?? "";
}

test("200 parallel wrong passwords check at most six and refuse the rest as throttled", async ({ request, page }) => {
  test.setTimeout(120_000);
  // An account nobody has: throttled exactly like a real one, so the journey locks out no one.
  const email = `parallel-${Date.now()}@e2e.test`;
  const { csrfToken } = (await (await request.get("/api/auth/csrf")).json()) as { csrfToken: string };

  const errors = await Promise.all(Array.from({ length: ATTEMPTS }, () => attempt(request, csrfToken, email)));
  const checked = errors.filter((e) => e === "CredentialsSignin").length;
  const throttled = errors.filter((e) => /^TooManyAttempts:\d+$/.test(e)).length;
  expect(checked).toBeGreaterThanOrEqual(1);
  expect(checked).toBeLessThanOrEqual(6);
  expect(throttled).toBe(ATTEMPTS - checked);

  // The person at the keyboard is told to wait, and a right password would not be checked either.
  await page.goto("/signin");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill("not-the-password");
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page.getByRole("main").getByRole("alert")).toHaveText(/^Too many attempts, try again in \d+ s\.$/);
});
