import { STORAGE_STATE, USERS } from "./env";
import { expect, test } from "./fixtures";
import { freshMessage, openMessage } from "./message-fixtures";

test.describe("a viewer", () => {
  test.use({ storageState: STORAGE_STATE.viewer });

  test("gets 403 from the API for a move, with the role it lacks, and nothing reaches Cloudflare", async ({ page, simulator }) => {
    const { deliveredId } = await simulator.fixtures();
    await page.goto("/messages");
    await simulator.clearCalls();
    // The same request the page would send, from the page itself (same origin, the viewer's cookie).
    const answer = await page.evaluate(async (id) => {
      const response = await fetch("/api/email-security/investigate/move", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ ids: [id], destination: "Inbox" }),
      });
      return { status: response.status, body: await response.json() };
    }, deliveredId);
    expect(answer.status).toBe(403);
    expect(answer.body.error.message).toContain("needs the analyst role");
    expect((await simulator.calls()).filter((c) => c.method === "POST")).toEqual([]);
    // And the audit trail is not theirs to read.
    await page.goto("/audit");
    await expect(page.getByRole("alert").filter({ hasText: "needs the admin role" })).toBeVisible();
  });
});

test.describe("an analyst", () => {
  test.use({ storageState: STORAGE_STATE.analyst });

  test("moves a message, and the audit trail shows who did it", async ({ page, browser }) => {
    const message = await freshMessage("delivered", 13);
    await openMessage(page, message.id);
    await page.getByRole("region", { name: "Actions" }).getByRole("button", { name: /^Move/ }).click();
    const dialog = page.getByRole("dialog", { name: "Move message" });
    await dialog.getByRole("radio", { name: "Junk" }).check();
    await dialog.getByRole("button", { name: "Move to Junk" }).click();
    await expect(page.getByRole("region", { name: "Actions" }).getByRole("status").filter({ hasText: "Moved to JunkEmail" })).toBeVisible();

    const admin = await browser.newContext({ storageState: STORAGE_STATE.admin });
    try {
      const audit = await admin.newPage();
      await audit.goto(`/audit?email=${encodeURIComponent(USERS.analyst.email)}&operation=move`);
      const row = audit.getByRole("table", { name: "Audit trail" }).locator("tbody tr").filter({ hasText: message.id });
      await expect(row).toContainText(USERS.analyst.email);
      await expect(row).toContainText("JunkEmail");
      await expect(row).toContainText("succeeded");
    } finally {
      await admin.close();
    }
  });
});

test.describe("signing in and out", () => {
  test.use({ storageState: { cookies: [], origins: [] } });

  test("a deep link with filters and tab survives sign-in; sign-out ends access", async ({ page, simulator }) => {
    const { deliveredId } = await simulator.fixtures();
    const deepLink = `/messages/${encodeURIComponent(deliveredId)}?tab=trace`;
    await page.goto(deepLink);
    await expect(page).toHaveURL(/\/signin\?callbackUrl=/);
    await page.getByLabel("Email").fill(USERS.analyst.email);
    await page.getByLabel("Password").fill("wrong-password");
    await page.getByRole("button", { name: "Sign in", exact: true }).click();
    await expect(page.getByRole("alert").filter({ hasText: "Email or password is not right" })).toBeVisible();

    await page.getByLabel("Password").fill(USERS.analyst.password);
    await page.getByRole("button", { name: "Sign in", exact: true }).click();
    await expect(page).toHaveURL(new RegExp(`${deepLink.replace(/[?]/g, "\\?")}$`));
    await expect(page.getByRole("tab", { name: "Trace", exact: true })).toHaveAttribute("aria-selected", "true");
    // The session cookie is out of reach of scripts and of cross-site requests (Secure only on https).
    const session = (await page.context().cookies()).find((c) => c.name === "next-auth.session-token");
    expect(session).toMatchObject({ httpOnly: true, sameSite: "Lax", secure: false });

    const before = await page.request.get("/api/email-security/investigate?per_page=1");
    expect(before.status()).toBe(200);
    await page.getByRole("button", { name: "Sign out", exact: true }).click();
    await expect(page).toHaveURL(/\/signin/);
    // A copy of the old cookie is refused too: signing out ended the session on the server.
    const replayed = await page.request.get("/api/email-security/investigate?per_page=1", {
      headers: { cookie: `${session!.name}=${session!.value}` },
    });
    expect(replayed.status()).toBe(401);
    await page.goto("/messages");
    await expect(page).toHaveURL(/\/signin\?callbackUrl=%2Fmessages/);
    const api = await page.request.get("/api/email-security/investigate?per_page=1");
    expect(api.status()).toBe(401);
  });
});
