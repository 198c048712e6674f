import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import { strFromU8, unzipSync } from "fflate";
import { expect, test } from "./fixtures";
import { STORAGE_STATE, USERS } from "./env";

const sha256 = (data: Uint8Array) => createHash("sha256").update(data).digest("hex");

test.describe("as an analyst", () => {
  test.use({ storageState: STORAGE_STATE.analyst });

  test("the evidence zip opens and every hash in its manifest matches its file", async ({ page, simulator }) => {
    const { deliveredId } = await simulator.fixtures();
    await page.goto(`/messages/${encodeURIComponent(deliveredId)}`);
    const actions = page.getByRole("region", { name: "Actions" });
    const downloading = page.waitForEvent("download");
    await actions.getByRole("button", { name: "Download evidence" }).click();
    const download = await downloading;
    expect(download.suggestedFilename()).toMatch(/^evidence-.+\.zip$/);
    await expect(actions.getByRole("status")).toContainText("Saved evidence-");

    const files = unzipSync(new Uint8Array(await readFile((await download.path())!)));
    const manifest = JSON.parse(strFromU8(files["manifest.json"]!)) as {
      message_id: string;
      exported_by: string;
      exported_at: string;
      files: { name: string; bytes: number; sha256: string }[];
    };
    expect(manifest.message_id).toBe(deliveredId);
    expect(manifest.exported_by).toBe(USERS.analyst.email);
    expect(Number.isNaN(Date.parse(manifest.exported_at))).toBe(false);
    expect(manifest.files.map((f) => f.name)).toEqual(
      expect.arrayContaining(["message.eml", "headers.txt", "detections.json", "trace.json", "action-log.json", "console-audit.json", "screenshot.png"]),
    );
    expect(Object.keys(files).sort()).toEqual([...manifest.files.map((f) => f.name), "manifest.json"].sort());
    for (const f of manifest.files) expect(sha256(files[f.name]!), f.name).toBe(f.sha256);
  });
});

test.describe("as a viewer", () => {
  test.use({ storageState: STORAGE_STATE.viewer });

  test("the button is disabled and the server refuses", async ({ page, simulator }) => {
    const { deliveredId } = await simulator.fixtures();
    await page.goto(`/messages/${encodeURIComponent(deliveredId)}`);
    await expect(page.getByRole("region", { name: "Actions" }).getByRole("button", { name: "Download evidence" })).toBeDisabled();
    const response = await page.request.get(`/api/email-security/investigate/${encodeURIComponent(deliveredId)}/evidence`);
    expect(response.status()).toBe(403);
  });
});
