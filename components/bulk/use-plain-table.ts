"use client";

import { useDataTable, type DataTableColumns } from "@/components/ui/data-table";
import type { RowData } from "@tanstack/react-table";

const NO_STATE = { sorting: [], columnVisibility: {}, rowSelection: {} };
const ignore = () => {};

/** The shared data table without sorting, hiding or selection: the bulk tables show pages as the API orders them. */
export function usePlainTable<TData extends RowData>(data: TData[], columns: DataTableColumns<TData>, getRowId: (row: TData) => string) {
  return useDataTable<TData>({
    data,
    columns,
    getRowId,
    state: NO_STATE,
    onSortingChange: ignore,
    onColumnVisibilityChange: ignore,
    onRowSelectionChange: ignore,
  });
}
