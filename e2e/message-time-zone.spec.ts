import { E2E } from "./env";
import { expect, test } from "./fixtures";
import { freshMessage, messagePath } from "./message-fixtures";

// The journeys' browser is in Europe/Paris and the server in UTC (playwright.config.ts); the
// shared fixture fails any journey on a console error, so a page that fails to hydrate fails here.
test("a teammate's link opens without a hydration error in another zone, and the server writes the browser's zone once it knows it", async ({ browser }) => {
  const message = await freshMessage("delivered", 3);
  const context = await browser.newContext({ timezoneId: "Europe/Paris", storageState: test.info().project.use.storageState });
  const errors: string[] = [];
  context.on("weberror", (e) => errors.push(e.error().message));
  context.on("console", (m) => {
    if (m.type() === "error" && !/^Failed to load resource/.test(m.text())) errors.push(m.text());
  });
  const page = await context.newPage();

  // First visit: the server does not know the zone yet and writes UTC; the browser moves to its own.
  const first = await page.request.get(`${E2E.consoleUrl}${messagePath(message.id)}`);
  expect(await first.text()).toMatch(/\d{2}:\d{2}:\d{2} UTC/);
  await page.goto(messagePath(message.id));
  const received = page.getByRole("definition").filter({ has: page.locator("time") }).first();
  await expect(received).toHaveText(/\d{2}:\d{2}:\d{2} (CET|CEST|GMT\+1|GMT\+2)$/);
  expect((await context.cookies()).find((c) => c.name === "triage-zone")?.value).toBe("Europe/Paris");

  // From then on the server's HTML already says Paris time: no flash of UTC, nothing to correct.
  const again = await page.request.get(`${E2E.consoleUrl}${messagePath(message.id)}`);
  expect(await again.text()).toMatch(/\d{2}:\d{2}:\d{2} (CET|CEST|GMT\+1|GMT\+2)/);
  await page.reload();
  await expect(received).toHaveText(/(CET|CEST|GMT\+1|GMT\+2)$/);

  // UTC chosen in the header: every time says UTC, before and after a reload.
  await page.getByRole("combobox", { name: "Time zone" }).selectOption("utc");
  await expect(received).toHaveText(/UTC$/);
  await page.reload();
  await expect(received).toHaveText(/UTC$/);
  expect(errors).toEqual([]);
  await context.close();
});
