"use client";

import type { ColumnVisibilityState, RowSelectionState, SortingState } from "@tanstack/react-table";
import { useCallback, useEffect, useMemo, useState } from "react";
import { z } from "zod";
import { useDataTable, type DataTableColumns } from "@/components/ui/data-table";
import { readStored, writeStored } from "@/lib/browser/storage";
import type { Message } from "@/lib/messages/message-view";
import type { SortParam } from "@/lib/messages/search-url";

const VISIBILITY_KEY = "triage:messages:columns";
const visibilitySchema = z.record(z.string(), z.boolean());

interface ResultsTableInput {
  messages: Message[];
  columns: DataTableColumns<Message>;
  /** The URL's sort; a header click changes it through `onSort`. */
  sort: SortParam | undefined;
  onSort: (sort: SortParam | undefined) => void;
  /** Identifies the search and page shown: a different one clears the selection. */
  listKey: string;
}

/** The results table: sort from the URL, column visibility from this browser, selection per page. */
export function useResultsTable({ messages, columns, sort, onSort, listKey }: ResultsTableInput) {
  const sorting: SortingState = useMemo(() => (sort ? [sort] : []), [sort]);
  const [columnVisibility, setColumnVisibility] = useState<ColumnVisibilityState>({});
  useEffect(() => {
    const stored = readStored("local", VISIBILITY_KEY, visibilitySchema);
    if (stored) setColumnVisibility(stored);
  }, []);
  const onColumnVisibilityChange = useCallback((next: ColumnVisibilityState) => {
    setColumnVisibility(next);
    writeStored("local", VISIBILITY_KEY, next);
  }, []);

  const [rowSelection, setRowSelection] = useState<RowSelectionState>({});
  const [selectionKey, setSelectionKey] = useState(listKey);
  if (selectionKey !== listKey) {
    // A different search or page: a selection of rows no longer shown would act on the unseen.
    setSelectionKey(listKey);
    setRowSelection({});
  }

  const table = useDataTable<Message>({
    data: messages,
    columns,
    getRowId: (m) => m.id,
    state: { sorting, columnVisibility, rowSelection },
    onSortingChange: (next) => {
      const first = next[0];
      onSort(first ? { id: first.id, desc: first.desc } : undefined);
    },
    onColumnVisibilityChange,
    onRowSelectionChange: setRowSelection,
  });
  const selected = useMemo(() => messages.filter((m) => rowSelection[m.id]), [messages, rowSelection]);
  return { table, selected, clearSelection: () => setRowSelection({}) };
}
