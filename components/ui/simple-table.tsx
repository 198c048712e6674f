import type { ReactNode } from "react";

/** A cell of a SimpleTable row. */
export const cellClass = "border-b border-zinc-100 px-2 py-1 align-top";

/**
 * A small read-only table (findings, attachments, log entries): a labelled table with a header
 * row; the caller writes the body rows with `cellClass`. Lists that sort, select or page use the
 * data table instead.
 */
export function SimpleTable({ label, headers, children }: { label: string; headers: readonly string[]; children: ReactNode }) {
  return (
    <table aria-label={label} className="w-full border-collapse text-[12px]">
      <thead>
        <tr>
          {headers.map((h) => (
            <th
              key={h}
              scope="col"
              className="border-b border-zinc-200 px-2 py-1 text-left text-[11px] font-semibold text-zinc-600 uppercase"
            >
              {h}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>{children}</tbody>
    </table>
  );
}
