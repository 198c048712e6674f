import { expect, test } from "./fixtures";
import { freshMessage, openMessage, panel, tab, truth } from "./message-fixtures";

// The message page decides faster: actions follow the message's state, the move dialog speaks in
// folders and consequences, evidence reads decoded, times name their zone, and a done message
// leads on to the next one.

test("a quarantined message offers Release first and says why Move cannot work; times name their zone", async ({ page, simulator }) => {
  const { quarantinedId } = await simulator.fixtures();
  await openMessage(page, quarantinedId);
  const actions = page.getByRole("region", { name: "Actions" });

  const move = actions.getByRole("button", { name: /^Move/ });
  await expect(move).toBeDisabled();
  await expect(move).toHaveAccessibleDescription(/quarantined: release first/);
  await expect(actions).toContainText("Move: quarantined: release first");
  const buttons = actions.getByRole("button");
  await expect(buttons.first()).toHaveText("Release…");
  await expect(buttons.first()).toBeEnabled();

  await page.keyboard.press("m");
  await expect(page.getByRole("dialog")).toHaveCount(0);
  await expect(actions.getByRole("alert")).toContainText("Move is not possible for this message: quarantined: release first");

  // The received time is written in a named zone, with the exact UTC time on hover.
  const received = page.locator("header time").first();
  await expect(received).toHaveText(/\d{2}:\d{2}:\d{2} (UTC|GMT([+-]\d+)?|[A-Z]{3,5})$/);
  await expect(received).toHaveAttribute("title", /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2} UTC$/);
});

test("the move dialog names folders in words, its button names the move, and Next message follows", async ({ page, simulator }) => {
  const message = await freshMessage("delivered", 2, { final_disposition: "BULK" });
  const list = "delivery_status=delivered&detections_only=false&per_page=100";
  await page.goto(`/messages/${encodeURIComponent(message.id)}?list=${encodeURIComponent(list)}`);
  const nav = page.getByRole("navigation", { name: "Message navigation" });
  await expect(nav.getByRole("link", { name: "Next message →" })).toBeVisible();
  const nextHref = await nav.getByRole("link", { name: "Next message →" }).getAttribute("href");
  const nextId = decodeURIComponent(/\/messages\/([^?]+)/.exec(nextHref ?? "")?.[1] ?? "");
  expect(nextId).not.toBe("");

  const actions = page.getByRole("region", { name: "Actions" });
  await expect(actions.getByRole("button").first()).toHaveText("Move…");
  await actions.getByRole("button", { name: "Move…" }).click();
  const dialog = page.getByRole("dialog", { name: "Move message" });
  await expect(dialog.getByRole("radio", { name: "Junk" })).toBeChecked();
  await expect(dialog.getByRole("radio", { name: "Junk" })).toHaveAccessibleDescription("— the user still sees it");
  await expect(dialog.getByRole("radio", { name: "Purge" })).toHaveAccessibleDescription("— permanent for the user");
  await expect(dialog).not.toContainText("RecoverableItemsPurges");
  await expect(dialog.getByRole("button", { name: "Move to Junk" })).toBeVisible();
  // A destructive choice turns the confirm button into one that looks like it.
  await dialog.getByRole("radio", { name: "Purge" }).check();
  await expect(dialog.getByRole("button", { name: "Move to Purge" })).toHaveClass(/bg-red-700/);
  await dialog.getByRole("radio", { name: "Junk" }).check();

  await simulator.clearCalls();
  await dialog.getByRole("button", { name: "Move to Junk" }).click();
  const notice = actions.getByRole("status").filter({ hasText: "Moved to JunkEmail" });
  await expect(notice).toBeVisible();
  const moves = (await simulator.calls()).filter((c) => c.method === "POST" && c.path.endsWith("/move"));
  expect(moves).toHaveLength(1);
  expect(moves[0]?.body).toMatchObject({ destination: "JunkEmail" });
  expect((await truth.detail(message.id)).delivery_status).toEqual(["moved"]);

  // The message has left the "delivered" results, yet Next still goes where it went before.
  await notice.getByRole("button", { name: "Next message →" }).click();
  await expect(page).toHaveURL(new RegExp(`/messages/${encodeURIComponent(nextId)}`));
  await expect(page.getByRole("heading", { level: 1 })).toHaveText((await truth.detail(nextId)).subject ?? "");
});

test("evidence reads: links as text → defanged address, Preview fits the width, Raw headers decoded, an empty trace direction is one line", async ({ page, simulator }) => {
  const { hostileId } = await simulator.fixtures();
  const raw = await truth.raw(hostileId);
  expect(raw).toMatch(/^Subject: =\?UTF-8\?B\?/m);

  // Overview: each link as the text the recipient saw → the defanged address it goes to.
  await openMessage(page, hostileId);
  const links = panel(page).getByRole("list", { name: "Links in the message" });
  await expect(links.getByRole("listitem").filter({ hasText: "“<script>alert(1)</script>Click here”" })).toContainText("javascript[:]alert(1)");

  // Preview: fitted to the width by default, the screenshot's own size one toggle away.
  await tab(page, "Preview").click();
  const image = panel(page).getByRole("img", { name: /Screenshot of the message/ });
  await expect(panel(page).getByRole("button", { name: "Fit width" })).toHaveAttribute("aria-pressed", "true");
  const widthShare = () => image.evaluate((img: HTMLImageElement) => img.getBoundingClientRect().width / (img.parentElement?.getBoundingClientRect().width ?? 1));
  await expect.poll(widthShare).toBeGreaterThan(0.9);
  await panel(page).getByRole("button", { name: "Actual size" }).click();
  await expect(panel(page).getByRole("button", { name: "Actual size" })).toHaveAttribute("aria-pressed", "true");
  await expect.poll(() => image.evaluate((img: HTMLImageElement) => Math.round(img.getBoundingClientRect().width) - img.naturalWidth)).toBe(0);

  await tab(page, "Raw").click();
  const headers = panel(page).getByRole("table", { name: "Raw headers" });
  await expect(headers.getByRole("row", { name: /^Subject/ })).toContainText("Invoice ⟨RLO⟩gpj.exe overdue");
  await expect(headers).not.toContainText("=?UTF-8?");

  await panel(page).getByRole("button", { name: "Show encoded form" }).click();
  const encoded = panel(page).getByRole("table", { name: "Raw headers (encoded)" });
  await expect(encoded.getByRole("row", { name: /^Subject/ })).toContainText("=?UTF-8?B?");

  await tab(page, "Trace").click();
  await expect(panel(page).getByRole("region", { name: "Inbound" }).getByRole("listitem").first()).toBeVisible();
  // Held in quarantine, the hostile message was never handed on: nothing outbound.
  expect((await truth.trace(hostileId)).outbound?.lines ?? []).toHaveLength(0);
  await expect(panel(page).getByRole("region", { name: "Outbound" })).toHaveText("Outbound: no lines");
});
