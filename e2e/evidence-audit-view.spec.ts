import { readFile } from "node:fs/promises";
import { strFromU8, unzipSync } from "fflate";
import { expect, test } from "./fixtures";
import { E2E, STORAGE_STATE, USERS } from "./env";
import { freshMessage, openMessage, panel, tab } from "./message-fixtures";

test.use({ storageState: STORAGE_STATE.analyst });

const COLLEAGUE_AGENT = "ColleagueBrowser/7.0 (e2e evidence audit view)";

test("an analyst's evidence pack carries the Action log tab's view: no colleague's address, user agent or raw read", async ({ page, browser }) => {
  const message = await freshMessage("delivered", 31);
  const path = `/api/email-security/investigate/${encodeURIComponent(message.id)}`;

  // A colleague (an admin, in their own browser) reads the raw message and moves it.
  const colleague = await browser.newContext({ baseURL: E2E.consoleUrl, storageState: STORAGE_STATE.admin });
  try {
    const headers = { "user-agent": COLLEAGUE_AGENT, origin: E2E.consoleUrl };
    expect((await colleague.request.get(`${path}/raw`, { headers })).status()).toBe(200);
    expect((await colleague.request.post(`${path}/move`, { headers, data: { destination: "JunkEmail" } })).ok()).toBe(true);
  } finally {
    await colleague.close();
  }

  // The Action log tab shows the analyst who moved it, not from where, and not who read it.
  await openMessage(page, message.id);
  await tab(page, "Action log").click();
  const consoleActions = panel(page).getByRole("table", { name: "Console actions" });
  await expect(consoleActions).toContainText(USERS.admin.email);
  await expect(consoleActions).not.toContainText("Raw message read");

  const downloading = page.waitForEvent("download");
  await page.getByRole("region", { name: "Actions" }).getByRole("button", { name: "Download evidence" }).click();
  const files = unzipSync(new Uint8Array(await readFile((await (await downloading).path())!)));
  const manifest = JSON.parse(strFromU8(files["manifest.json"]!)) as { console_audit_view?: string; files: { name: string; description: string }[] };
  const auditText = strFromU8(files["console-audit.json"]!);
  const audit = JSON.parse(auditText) as { operation: string; email: string }[];

  expect(manifest.console_audit_view).toBe("team");
  expect(manifest.files.find((f) => f.name === "console-audit.json")?.description).toMatch(/without IP addresses, user agents or raw reads/);
  expect(audit).toContainEqual(expect.objectContaining({ operation: "move", email: USERS.admin.email }));
  expect(audit.map((e) => e.operation)).not.toContain("raw_download");
  expect(auditText).not.toContain(COLLEAGUE_AGENT);
  expect(auditText).not.toMatch(/"(ip|user_agent)"\s*:/);
  expect(auditText).not.toContain("127.0.0.1");
});
