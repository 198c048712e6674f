import { E2E, STORAGE_STATE, USERS } from "./env";
import { expect, expectRowsMatchSimulator, messageRows, resultsTable, test, type Simulator } from "./fixtures";
import type { Page } from "@playwright/test";

// Saved views and the built-in "Delivered threats" preset, from the search page's Views menu.

/**
 * Rows come from the browser's own fetch, so once they show, the page is hydrated and its menus
 * open. A fresh page load on a busy machine can take longer than the default 10 s to get there.
 */
const openViews = async (page: Page) => {
  await expect(resultsTable(page)).not.toHaveAttribute("aria-busy", "true", { timeout: 30_000 });
  await expect(messageRows(page).first()).toBeVisible();
  await page.getByRole("button", { name: "Views", exact: true }).click();
  return page.getByRole("menu");
};

test.use({ storageState: STORAGE_STATE.analyst });

test("an analyst saves and shares a view; another person opens it as a link; the owner deletes it", async ({ page, browser }) => {
  // Two people in two browsers: about a dozen page loads, slow when the machine is busy.
  test.slow();
  // The e2e database outlives a run: names are unique per run.
  const run = Date.now().toString(36);
  const sharedName = `Delivered spoofs ${run}`;
  const privateName = `Scratch ${run}`;

  await page.goto("/messages?final_disposition=SPOOF&delivery_status=delivered&range=30d");
  let menu = await openViews(page);
  await menu.getByRole("menuitem", { name: "Save current view…" }).click();
  const save = page.getByRole("dialog", { name: "Save current view" });
  // What the view holds, in words (that the page position is dropped is a unit test's job).
  await expect(save.getByRole("listitem")).toHaveText([/Disposition: SPOOF/, /Delivery status: delivered/, /Date range: Last 30 days/]);
  await save.getByLabel("Name").fill(sharedName);
  await save.getByRole("checkbox", { name: /Share with the team/ }).check();
  await save.getByRole("button", { name: "Save view" }).click();
  await expect(save).toBeHidden();

  // A private one too, saved straight through the API (same origin, the analyst's session).
  const saved = await page.request.post("/api/views", { data: { name: privateName, query: "sender=nobody.example" }, headers: { origin: E2E.consoleUrl } });
  expect(saved.status()).toBe(201);

  // Someone else (a viewer, in a browser of their own) sees the shared view, not the private one.
  const other = await browser.newContext({ storageState: STORAGE_STATE.viewer });
  try {
    const theirs = await other.newPage();
    await theirs.goto("/messages");
    const theirMenu = await openViews(theirs);
    const item = theirMenu.getByRole("menuitem", { name: `${sharedName} · ${USERS.analyst.email}`, exact: true });
    await expect(item).toHaveAttribute("href", "/messages?final_disposition=SPOOF&delivery_status=delivered&range=30d");
    await expect(theirMenu.getByRole("menuitem", { name: new RegExp(privateName) })).toHaveCount(0);
    await item.click();
    await expect(theirs).toHaveURL(/\/messages\?final_disposition=SPOOF&delivery_status=delivered&range=30d$/);
    await expect(theirs.getByRole("combobox", { name: "Disposition", exact: true })).toHaveValue("SPOOF");
    // Opened, the view is marked as the one shown.
    await expect((await openViews(theirs)).getByRole("menuitem", { name: new RegExp(sharedName) })).toHaveAttribute("aria-current", "page");
  } finally {
    await other.close();
  }

  // The owner deletes them (the shared one for everyone).
  await page.keyboard.press("Escape");
  menu = await openViews(page);
  await menu.getByRole("menuitem", { name: "Manage my views…" }).click();
  const manage = page.getByRole("dialog", { name: "Manage saved views" });
  for (const name of [sharedName, privateName]) {
    await manage.getByRole("button", { name: `Delete ${name}`, exact: true }).click();
    await manage.getByRole("button", { name: "Delete view" }).click();
    await expect(manage.getByRole("listitem", { name, exact: true })).toHaveCount(0);
  }
});

async function expectOnly(simulator: Simulator, page: Page, disposition: string) {
  const sent = await expectRowsMatchSimulator(page);
  expect(sent.get("delivery_status")).toBe("delivered");
  expect(sent.get("final_disposition")).toBe(disposition);
  const truth = await simulator.search(sent);
  expect(truth.result.length).toBeGreaterThan(0);
  for (const m of truth.result) {
    expect(m.final_disposition).toBe(disposition);
    expect(m.delivery_status).toContain("delivered");
  }
}

test("the Delivered threats preset shows only delivered MALICIOUS, SUSPICIOUS and SPOOF messages, and says why it is three searches", async ({ page, simulator }) => {
  await page.goto("/messages");
  for (const disposition of ["MALICIOUS", "SUSPICIOUS", "SPOOF"]) {
    const menu = await openViews(page);
    await expect(menu.getByRole("group", { name: "Delivered threats" })).toContainText("one disposition at a time");
    await menu.getByRole("menuitem", { name: `Delivered ${disposition}`, exact: true }).click();
    await expect(page).toHaveURL(new RegExp(`delivery_status=delivered&final_disposition=${disposition}|final_disposition=${disposition}&delivery_status=delivered`));
    await expectOnly(simulator, page, disposition);
  }
});
