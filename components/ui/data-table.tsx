"use client";

import {
  columnVisibilityFeature,
  createColumnHelper,
  createSortedRowModel,
  functionalUpdate,
  metaHelper,
  rowSelectionFeature,
  rowSortingFeature,
  sortFn_alphanumeric,
  sortFn_basic,
  sortFn_datetime,
  sortFn_text,
  tableFeatures,
  useTable,
  type ColumnDef,
  type ColumnVisibilityState,
  type RowData,
  type RowSelectionState,
  type SortingState,
} from "@tanstack/react-table";
import { Fragment, type KeyboardEvent, type MouseEvent, type ReactNode } from "react";

/**
 * The console's one data table. Pages own their columns (`columns.tsx`) and state; this module
 * owns the TanStack Table setup and the markup: sortable headers with aria-sort, visibility-aware
 * cells, an "active row" for keyboard triage, skeleton rows and the empty slot.
 */

export interface DataTableColumnMeta {
  /** The column's name in menus (the header may be an icon or a checkbox). */
  label: string;
  headerClassName?: string;
  cellClassName?: string;
}

export const dataTableFeatures = tableFeatures({
  rowSortingFeature,
  sortedRowModel: createSortedRowModel(),
  sortFns: { alphanumeric: sortFn_alphanumeric, basic: sortFn_basic, datetime: sortFn_datetime, text: sortFn_text },
  columnVisibilityFeature,
  rowSelectionFeature,
  columnMeta: metaHelper<DataTableColumnMeta>(),
});
export type DataTableFeatures = typeof dataTableFeatures;

export function createDataColumnHelper<TData extends RowData>() {
  return createColumnHelper<DataTableFeatures, TData>();
}

/** A heading row shown above each run of rows with the same key (e.g. a day over its messages). */
export interface RowGroup {
  key: string;
  label: ReactNode;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- columns of mixed value types
export type DataTableColumns<TData extends RowData> = ColumnDef<DataTableFeatures, TData, any>[];

export interface DataTableState {
  sorting: SortingState;
  columnVisibility: ColumnVisibilityState;
  rowSelection: RowSelectionState;
}

export function useDataTable<TData extends RowData>({
  data,
  columns,
  getRowId,
  state,
  onSortingChange,
  onColumnVisibilityChange,
  onRowSelectionChange,
}: {
  data: TData[];
  columns: DataTableColumns<TData>;
  getRowId: (row: TData) => string;
  state: DataTableState;
  onSortingChange: (next: SortingState) => void;
  onColumnVisibilityChange: (next: ColumnVisibilityState) => void;
  onRowSelectionChange: (next: RowSelectionState) => void;
}) {
  return useTable({
    features: dataTableFeatures,
    data,
    columns,
    getRowId,
    state,
    onSortingChange: (updater) => onSortingChange(functionalUpdate(updater, state.sorting)),
    onColumnVisibilityChange: (updater) => onColumnVisibilityChange(functionalUpdate(updater, state.columnVisibility)),
    onRowSelectionChange: (updater) => onRowSelectionChange(functionalUpdate(updater, state.rowSelection)),
    enableMultiSort: false,
    enableSubRowSelection: false,
  });
}

export type DataTableInstance<TData extends RowData> = ReturnType<typeof useDataTable<TData>>;

const INTERACTIVE = "a,button,input,label,select,textarea,summary,[role=menuitem]";

export function DataTable<TData extends RowData>({
  table,
  label,
  activeRowId,
  onActivateRow,
  onOpenRow,
  loading,
  skeletonRows = 8,
  empty,
  compact = false,
  rowGroup,
}: {
  table: DataTableInstance<TData>;
  /** Accessible name of the table. */
  label: string;
  activeRowId?: string | null;
  onActivateRow?: (rowId: string) => void;
  onOpenRow?: (rowId: string) => void;
  loading?: boolean;
  skeletonRows?: number;
  /** Shown in place of the body when there are no rows. */
  empty?: ReactNode;
  /**
   * One line per row in a table that fits its container: fixed column widths (from the columns'
   * `headerClassName`), the rest to the unsized columns, every cell cut with an ellipsis rather
   * than wrapped or scrolled sideways.
   */
  compact?: boolean;
  /** Groups consecutive rows under a heading row; rows without a group continue the current one. */
  rowGroup?: (row: TData) => RowGroup | null;
}) {
  const headerGroups = table.getHeaderGroups();
  const rows = table.getRowModel().rows;
  const visibleColumnCount = table.getVisibleLeafColumns().length;
  const activeShown = rows.some((r) => r.id === activeRowId);
  let currentGroup: string | null = null;

  const onRowClick = (rowId: string) => (event: MouseEvent<HTMLTableRowElement>) => {
    // Pivots, checkboxes and links inside a row do their own thing.
    if ((event.target as HTMLElement).closest(INTERACTIVE)) return;
    onActivateRow?.(rowId);
    onOpenRow?.(rowId);
  };
  const onRowKeyDown = (rowId: string) => (event: KeyboardEvent<HTMLTableRowElement>) => {
    if (event.key === "Enter" && event.target === event.currentTarget) {
      event.preventDefault();
      onOpenRow?.(rowId);
    }
  };

  return (
    <div className="overflow-x-auto rounded border border-zinc-200 bg-white">
      <table
        aria-label={label}
        aria-busy={loading || undefined}
        className={`w-full border-collapse text-left text-[12px] ${compact ? "table-fixed" : ""}`}
      >
        <thead className="sticky top-0 z-10 bg-zinc-100 text-[11px] text-zinc-600 uppercase">
          {headerGroups.map((group) => (
            <tr key={group.id}>
              {group.headers.map((header) => {
                const column = header.column;
                const sorted = column.getIsSorted();
                const meta = column.columnDef.meta;
                return (
                  <th
                    key={header.id}
                    scope="col"
                    aria-sort={sorted === "asc" ? "ascending" : sorted === "desc" ? "descending" : undefined}
                    className={`border-b border-zinc-200 font-semibold tracking-wide whitespace-nowrap ${compact ? "overflow-hidden px-1.5 py-1" : "px-2 py-1.5"} ${meta?.headerClassName ?? ""}`}
                  >
                    {header.isPlaceholder ? null : column.getCanSort() ? (
                      <button
                        type="button"
                        onClick={column.getToggleSortingHandler()}
                        className="inline-flex items-center gap-1 uppercase hover:text-zinc-900"
                        title={`Sort by ${meta?.label ?? column.id} (within this page)`}
                      >
                        <table.FlexRender header={header} />
                        <span aria-hidden="true" className="w-2 text-zinc-400">
                          {sorted === "asc" ? "▲" : sorted === "desc" ? "▼" : ""}
                        </span>
                      </button>
                    ) : (
                      <table.FlexRender header={header} />
                    )}
                  </th>
                );
              })}
            </tr>
          ))}
        </thead>
        <tbody>
          {loading
            ? Array.from({ length: skeletonRows }, (_, i) => (
                <tr key={`skeleton-${i}`} aria-hidden="true" className="border-b border-zinc-100">
                  {Array.from({ length: visibleColumnCount }, (_, j) => (
                    <td key={j} className="px-2 py-2">
                      <div className="h-3 animate-pulse rounded bg-zinc-200" style={{ width: `${40 + ((i * 7 + j * 13) % 50)}%` }} />
                    </td>
                  ))}
                </tr>
              ))
            : rows.length === 0
              ? (
                  <tr>
                    <td colSpan={visibleColumnCount} className="px-4 py-10">
                      {empty}
                    </td>
                  </tr>
                )
              : rows.map((row, index) => {
                  const active = row.id === activeRowId;
                  // One row is always reachable with Tab: the active one, else the first.
                  const tabbable = active || (!activeShown && index === 0);
                  const selected = row.getIsSelected();
                  const group = rowGroup?.(row.original) ?? null;
                  const newGroup = group !== null && group.key !== currentGroup;
                  if (group) currentGroup = group.key;
                  return (
                    <Fragment key={row.id}>
                      {newGroup ? (
                        <tr className="bg-zinc-50">
                          <td colSpan={visibleColumnCount} className="border-b border-zinc-200 px-2 py-0.5 text-[11px] leading-4 text-zinc-700">
                            {group.label}
                          </td>
                        </tr>
                      ) : null}
                      <tr
                        data-row-id={row.id}
                        tabIndex={tabbable ? 0 : -1}
                        aria-current={active ? "true" : undefined}
                        onClick={onRowClick(row.id)}
                        onKeyDown={onRowKeyDown(row.id)}
                        onFocus={(event) => {
                          if (event.target === event.currentTarget) onActivateRow?.(row.id);
                        }}
                        className={`group cursor-pointer border-b border-zinc-100 outline-none focus-visible:outline-2 focus-visible:-outline-offset-2 focus-visible:outline-blue-600 ${
                          compact ? "align-middle" : "align-top"
                        } ${selected ? "bg-blue-50" : "hover:bg-zinc-50"} ${active ? "shadow-[inset_3px_0_0_0_var(--color-blue-600)]" : ""}`}
                      >
                        {row.getVisibleCells().map((cell) => (
                          <td
                            key={cell.id}
                            className={`${compact ? "overflow-hidden px-1.5 py-0.5 leading-4 whitespace-nowrap" : "px-2 py-1.5"} ${cell.column.columnDef.meta?.cellClassName ?? ""}`}
                          >
                            <table.FlexRender cell={cell} />
                          </td>
                        ))}
                      </tr>
                    </Fragment>
                  );
                })}
        </tbody>
      </table>
    </div>
  );
}
