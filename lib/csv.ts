import { revealHidden } from "@/lib/text/reveal";

/**
 * The console's one CSV writer (the messages export and the audit export both go through it).
 * Cells hold text other people wrote, read in spreadsheets, so every cell is:
 * - revealed: hidden characters become markers (lib/text/reveal.ts), as on every page;
 * - neutralised: a line a spreadsheet would evaluate (=, +, -, @ or their full-width forms, even
 *   after spaces; a leading tab, CR or LF that some apps strip first) gets a leading apostrophe,
 *   on every line of the cell, since some importers split a cell's lines;
 * - quoted, always (RFC 4180): a cell then never splits, whatever the reader's list separator
 *   (Excel in many locales splits on ";", which the old writer left bare).
 * Lines end in CRLF.
 */

const FORMULA = /^[\t ]*[=+\-@\uFF1D\uFF0B\uFF0D\uFF20]/;
const LINE_BREAK = /(\r\n|\r|\n)/;

export function neutraliseCell(value: string): string {
  // split with a capturing group keeps the breaks at odd indices: only the lines are touched.
  const lines = value.split(LINE_BREAK).map((part, i) => (i % 2 === 0 && FORMULA.test(part) ? `'${part}` : part));
  const joined = lines.join("");
  return /^[\t\r\n]/.test(joined) ? `'${joined}` : joined;
}

export function quoteCell(value: string): string {
  return `"${value.replace(/"/g, '""')}"`;
}

export type CsvValue = string | number | boolean | null | undefined;

export function toCsvCell(value: CsvValue): string {
  if (value === null || value === undefined) return quoteCell("");
  // Numbers are the console's own (counts, statuses): only text can carry a formula.
  if (typeof value !== "string") return quoteCell(String(value));
  return quoteCell(neutraliseCell(revealHidden(value)));
}

export interface CsvColumn<T> {
  header: string;
  value: (row: T) => CsvValue;
}

export function buildCsv(header: readonly string[], rows: readonly (readonly CsvValue[])[]): string {
  const lines = [header, ...rows].map((row) => row.map(toCsvCell).join(","));
  return lines.join("\r\n") + "\r\n";
}

/** One row per item, one cell per column, the columns' headers first. */
export function columnsToCsv<T>(columns: readonly CsvColumn<T>[], rows: readonly T[]): string {
  return buildCsv(
    columns.map((c) => c.header),
    rows.map((row) => columns.map((c) => c.value(row))),
  );
}
