import { readFile } from "node:fs/promises";
import { expect, shownIds, test, waitForRows } from "./fixtures";

function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ",") {
      row.push(cell);
      cell = "";
    } else if (c === "\r" && text[i + 1] === "\n") {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = "";
      i++;
    } else cell += c;
  }
  return rows;
}

test("export CSV: header, one row per loaded message, safe cells", async ({ page, simulator }) => {
  const { hostileId } = await simulator.fixtures();
  await page.goto("/messages?domain=evil-markup.invalid&detections_only=false");
  await waitForRows(page);
  const ids = await shownIds(page);
  expect(ids).toContain(hostileId);

  await page.getByRole("button", { name: "Export CSV" }).click();
  const downloadPromise = page.waitForEvent("download");
  await page.getByRole("menuitem", { name: /Export this page/ }).click();
  const download = await downloadPromise;
  expect(download.suggestedFilename()).toMatch(/^messages-\d{4}-\d{2}-\d{2}T\d{4}Z\.csv$/);
  const text = (await readFile(await download.path())).toString("utf8").replace(/^\ufeff/, "");
  expect(text.endsWith("\r\n")).toBe(true);

  const [header, ...rows] = parseCsv(text);
  expect(header).toEqual([
    "id", "received_at", "from_name", "from", "to", "subject", "final_disposition", "delivery_status",
    "threat_categories", "spf", "dkim", "dmarc", "alert_id", "message_id", "edf_hash",
  ]);
  expect(rows.map((r) => r[0])).toEqual(ids);

  const truth = (await simulator.search({ domain: "evil-markup.invalid", detections_only: "false", per_page: "50" })).result;
  const hostile = truth.find((m) => m.id === hostileId);
  const hostileRow = rows.find((r) => r[0] === hostileId);
  // Hidden characters are revealed exactly as on the pages.
  expect(hostile?.subject).toContain("\u202Egpj.exe");
  expect(hostileRow?.[5]).toBe("<img src=x onerror=alert(1)> Invoice ⟨RLO⟩gpj.exe overdue ⟨ZWSP⟩⟨ZWJ⟩<script>alert(1)</script>⟨BOM⟩");
  expect(hostileRow?.[2]).toBe("<script>alert(1)</script> IT⟨ZWSP⟩ Support ⟨RLO⟩eciovni");
  // Every cell is quoted (so a ";" list separator cannot split one), and no line of a cell starts
  // with a character a spreadsheet would evaluate.
  expect(text.split("\r\n").filter(Boolean).every((line) => line.startsWith('"') && line.endsWith('"'))).toBe(true);
  for (const row of rows) for (const cell of row) for (const line of cell.split(/\r\n|\r|\n/)) expect(line).not.toMatch(/^[\t ]*[=+\-@]/);
  expect(text).not.toMatch(/[\u200B-\u200F\u202A-\u202E\u2066-\u2069]/);
  await expect(page.getByRole("status").filter({ hasText: `Exported ${ids.length} rows` })).toBeVisible();
});
