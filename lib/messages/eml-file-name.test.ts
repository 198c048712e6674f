import { describe, expect, it } from "vitest";
import { emlFileName } from "./eml-file-name";

const ID = "4Njp3P0STMz2c02Q-2024-01-05T10:00:00-12345678";
const ID_PART = "4Njp3P0STMz2c02Q-2024-01-05T10-00-00-12345678";

describe("emlFileName", () => {
  it.each([
    ["plain subject", "Quarterly review schedule", `Quarterly review schedule-${ID_PART}.eml`],
    ["no subject", null, `message-${ID_PART}.eml`],
    ["empty subject", "   ", `message-${ID_PART}.eml`],
    ["path traversal", "../../etc/passwd", `etc_passwd-${ID_PART}.eml`],
    ["windows separators", "C:\\Windows\\evil", `C_Windows_evil-${ID_PART}.eml`],
    ["markup", "<script>alert(1)</script>", `script_alert_1_script-${ID_PART}.eml`],
    ["right-to-left override", "invoice\u202Efdp.exe", `invoice_fdp_exe-${ID_PART}.eml`],
    ["control characters", "a\u0000b\r\nc", `a_b_c-${ID_PART}.eml`],
    ["reserved device name", "CON", `message_CON-${ID_PART}.eml`],
    ["unicode letters kept", "Überweisung – 請求書", `Überweisung_請求書-${ID_PART}.eml`],
  ])("%s", (_case, subject, expected) => {
    expect(emlFileName(subject, ID)).toBe(expected);
  });

  it("caps a very long subject", () => {
    const name = emlFileName("Re: ".repeat(1000), ID);
    expect(name.length).toBeLessThanOrEqual(80 + 1 + 64 + 4);
    expect(name.endsWith(".eml")).toBe(true);
  });

  it("only ever yields safe characters and one extension", () => {
    for (const subject of ["a/b\\c:d*e?f\"g<h>i|j", "...", ".hidden", "x.eml.exe", "\u200B\u200E\u2066"]) {
      const name = emlFileName(subject, "id:with:colons");
      expect(name).toMatch(/^[\p{L}\p{N} _-]+\.eml$/u);
      expect(name.startsWith(".")).toBe(false);
    }
  });
});
