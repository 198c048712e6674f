import { expect, test } from "./fixtures";

test("an unknown id answers 404 with a not-found page; a malformed id gets a clear 400 page", async ({ page }) => {
  const unknown = await page.goto("/messages/Zz9NoSuchMessage-2020-01-01T00:00:00-00000000");
  expect(unknown?.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1, name: "Message not found" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Search messages" })).toHaveAttribute("href", "/messages");

  // A real 400, not a 200 that says "400".
  const malformed = await page.goto("/messages/..%2F..%2Fetc%2Fpasswd");
  expect(malformed?.status()).toBe(400);
  await expect(page.getByRole("heading", { level: 1, name: "This is not a valid message id" })).toBeVisible();
  const alert = page.getByRole("alert").filter({ hasText: "Error 400" });
  await expect(alert).toContainText("Bad request");
  await expect(alert).toContainText("Message id must be 1–256 letters");
  await expect(page.getByRole("tab")).toHaveCount(0);

  // Ids with dots, plus signs and colons are Cloudflare's to judge: asked for, and not found.
  const odd = await page.goto(`/messages/${encodeURIComponent("Zz9.No+Such:Message")}`);
  expect(odd?.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1, name: "Message not found" })).toBeVisible();
});
