import { expect, messageRows, shownIds, test, waitForRows } from "./fixtures";

test("a row's subject is a link: ctrl/cmd-click opens the message in a new tab that still knows its list", async ({ page, context }) => {
  await page.goto("/messages?detections_only=false&per_page=25");
  await waitForRows(page);
  const ids = await shownIds(page);
  expect(ids.length).toBeGreaterThan(3);

  const link = messageRows(page).nth(1).getByRole("link").first();
  const href = (await link.getAttribute("href")) ?? "";
  const target = new URL(href, page.url());
  expect(decodeURIComponent(target.pathname)).toBe(`/messages/${ids[1]}`);
  expect(target.searchParams.get("list")).toBe("detections_only=false&per_page=25");

  const opened = context.waitForEvent("page");
  await link.click({ modifiers: ["ControlOrMeta"] });
  const tab = await opened;
  await tab.waitForLoadState();
  // The list stays where it was; the new tab shows the message with previous/next.
  await expect(page).toHaveURL(/\/messages\?detections_only=false&per_page=25$/);
  expect(decodeURIComponent(new URL(tab.url()).pathname)).toBe(`/messages/${ids[1]}`);
  const nav = tab.getByRole("navigation", { name: "Message navigation" });
  await expect(nav).toContainText(`2 of ${ids.length}`);
  await nav.getByRole("link", { name: "Next message →" }).click();
  await expect(nav).toContainText(`3 of ${ids.length}`);
  expect(decodeURIComponent(new URL(tab.url()).pathname)).toBe(`/messages/${ids[2]}`);
  // j and k walk the list from the message page too.
  await tab.getByRole("heading", { level: 1 }).click();
  await tab.keyboard.press("j");
  await expect(nav).toContainText(`4 of ${ids.length}`);
  await tab.keyboard.press("k");
  await expect(nav).toContainText(`3 of ${ids.length}`);
  expect(decodeURIComponent(new URL(tab.url()).pathname)).toBe(`/messages/${ids[2]}`);
  await tab.close();

  // A plain click and Enter still open the message in this tab, at its plain address.
  await link.click();
  await expect(page).toHaveURL(new RegExp(`/messages/${encodeURIComponent(ids[1] ?? "")}$`));
  await page.goBack();
  await waitForRows(page);
  await messageRows(page).nth(2).focus();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(new RegExp(`/messages/${encodeURIComponent(ids[2] ?? "")}$`));
});
