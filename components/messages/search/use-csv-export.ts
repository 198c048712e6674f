"use client";

import { useState } from "react";
import { downloadFile } from "@/lib/browser/download";
import { csvFileName, messagesToCsv } from "@/lib/messages/csv";
import type { Message } from "@/lib/messages/message-view";
import { EXPORT_ROW_CAP, collectFollowingPages, type MessageListSearch } from "@/lib/queries/messages";

type LoadedPage = Parameters<typeof collectFollowingPages>[1];

function download(text: string, fileName: string) {
  // A BOM so spreadsheet apps read UTF-8 names and subjects correctly.
  downloadFile(["\ufeff", text], fileName, "text/csv;charset=utf-8");
}

/** CSV export of the rows shown (in their shown order) and, if asked, the following pages up to a cap. */
export function useCsvExport(listSearch: MessageListSearch, page: LoadedPage | undefined, shown: () => Message[]) {
  const [exporting, setExporting] = useState(false);
  const [note, setNote] = useState<{ ok: boolean; text: string } | null>(null);
  const exportCsv = async (followPages: boolean) => {
    if (!page || exporting) return;
    setExporting(true);
    setNote(null);
    try {
      // This page in the order shown (sorted), then following pages in the API's order.
      const rows = shown();
      const { messages: all, truncated, unreadable } = followPages
        ? await collectFollowingPages(listSearch, { ...page, messages: rows }, EXPORT_ROW_CAP)
        : { messages: rows, truncated: false, unreadable: page.unreadable };
      download(messagesToCsv(all), csvFileName(new Date()));
      setNote({
        ok: true,
        text: `Exported ${all.length} rows${truncated ? ` (stopped at the ${EXPORT_ROW_CAP.toLocaleString("en")}-row cap)` : ""}.${
          unreadable ? ` ${unreadable} ${unreadable === 1 ? "row" : "rows"} Cloudflare sent could not be read and ${unreadable === 1 ? "is" : "are"} not in the file.` : ""
        }`,
      });
    } catch (error) {
      setNote({ ok: false, text: `Export failed: ${error instanceof Error ? error.message : "unknown error"}` });
    } finally {
      setExporting(false);
    }
  };
  return { exporting, note, exportCsv };
}
