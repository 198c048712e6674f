/**
 * CSV for spreadsheets. Mail fields are attacker-written, so a cell that a spreadsheet would run
 * as a formula (=, +, -, @, or a leading tab/CR that some apps strip first) gets a leading
 * apostrophe; quoting follows RFC 4180 and lines end in CRLF.
 */

const FORMULA_START = /^[=+\-@\t\r]/;

export function neutraliseCell(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}

export function quoteCell(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

export type CsvValue = string | number | boolean | null | undefined;

export function toCsvCell(value: CsvValue): string {
  if (value === null || value === undefined) return "";
  return quoteCell(neutraliseCell(String(value)));
}

export function buildCsv(header: readonly string[], rows: readonly (readonly CsvValue[])[]): string {
  const lines = [header, ...rows].map((row) => row.map(toCsvCell).join(","));
  return lines.join("\r\n") + "\r\n";
}
