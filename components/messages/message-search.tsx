"use client";

import Link from "next/link";
import { useRouter, useSearchParams } from "next/navigation";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { z } from "zod";
import { ShortcutsDialog } from "@/components/keyboard/shortcuts-dialog";
import { Button } from "@/components/ui/button";
import { DataTable, useDataTable } from "@/components/ui/data-table";
import { ErrorState } from "@/components/ui/error-state";
import { RateLimitNotice } from "@/components/ui/rate-limit-notice";
import { UnreadableNote } from "@/components/ui/unreadable-note";
import { inputClass } from "@/components/ui/field";
import type { ColumnVisibilityState, RowSelectionState, SortingState } from "@tanstack/react-table";
import { downloadFile } from "@/lib/browser/download";
import { MESSAGE_LIST_SHORTCUTS } from "@/lib/keyboard/shortcuts";
import { useShortcuts } from "@/lib/keyboard/use-shortcuts";
import { readStored, writeStored } from "@/lib/browser/storage";
import { csvFileName, messagesToCsv } from "@/lib/messages/csv";
import { messageHref } from "@/lib/message/tabs";
import { rememberListVisit, rememberedActiveRow } from "@/lib/messages/list-memory";
import type { Message } from "@/lib/messages/message-view";
import { applyPivot, pivotFilters, type PivotKind } from "@/lib/messages/pivots";
import {
  MAX_PAGE_SIZE,
  PAGE_SIZES,
  describeFilters,
  emptyState,
  filtersToSearchParams,
  freezeState,
  followingPage,
  labelFor,
  nextPage,
  pageNumber,
  parseMessageUrl,
  previousPage,
  serializeMessageUrl,
  withFilters,
  type MessageUrlState,
  type RangePreset,
  type UrlKey,
} from "@/lib/messages/search-url";
import { ApiError } from "@/lib/queries/http";
import { EXPORT_ROW_CAP, collectFollowingPages, toListSearch, useMessageList } from "@/lib/queries/messages";
import { messageColumns, useMessageDayGroups } from "./columns";
import { FilterBar } from "./filter-bar";
import { MessageActions } from "./message-actions";
import { ColumnsMenu, CopyLinkButton, ExportMenu } from "./results-toolbar";

const VISIBILITY_KEY = "triage:messages:columns";
const visibilitySchema = z.record(z.string(), z.boolean());
const NO_MESSAGES: Message[] = [];

function download(text: string, fileName: string) {
  // A BOM so spreadsheet apps read UTF-8 names and subjects correctly.
  downloadFile(["\ufeff", text], fileName, "text/csv;charset=utf-8");
}

export function MessageSearch() {
  const router = useRouter();
  const searchParams = useSearchParams();
  const search = searchParams.toString();
  const parsed = useMemo(() => parseMessageUrl(new URLSearchParams(search)), [search]);
  const { state } = parsed;
  const urlHasErrors = Object.keys(parsed.errors).length > 0;

  const listSearch = useMemo(() => toListSearch(state), [state]);
  const list = useMessageList(listSearch, { enabled: !urlHasErrors });
  const page = list.data;
  const messages = page && !page.pending ? page.messages : NO_MESSAGES;

  // The URL is the state; history.pushState keeps Next's router and useSearchParams in step
  // without a server round trip per filter change.
  const navigate = useCallback((next: MessageUrlState | string, options: { replace?: boolean } = {}) => {
    const qs = typeof next === "string" ? next : serializeMessageUrl(next);
    const url = qs ? `/messages?${qs}` : "/messages";
    if (options.replace) window.history.replaceState(null, "", url);
    else window.history.pushState(null, "", url);
  }, []);

  // ---- table state: sort from the URL, visibility from this browser, selection per page
  const sorting: SortingState = useMemo(() => (state.sort ? [state.sort] : []), [state.sort]);
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
  const listKey = JSON.stringify(listSearch);
  const [selectionKey, setSelectionKey] = useState(listKey);
  if (selectionKey !== listKey) {
    // A different search or page: a selection of rows no longer shown would act on the unseen.
    setSelectionKey(listKey);
    setRowSelection({});
  }

  const pivotRef = useRef<(kind: PivotKind, m: Message) => void>(() => {});
  const openMessage = useCallback(
    (id: string) => {
      rememberListVisit(search, id);
      router.push(messageHref(id));
    },
    [router, search],
  );
  // The row link carries the search, so a message opened in a new tab still knows its list.
  const columns = useMemo(
    () =>
      messageColumns({
        onPivot: (kind, m) => pivotRef.current(kind, m),
        hrefFor: (id) => messageHref(id, undefined, search),
        onOpen: openMessage,
      }),
    [search, openMessage],
  );
  const table = useDataTable<Message>({
    data: messages,
    columns,
    getRowId: (m) => m.id,
    state: { sorting, columnVisibility, rowSelection },
    onSortingChange: (next) => {
      const first = next[0];
      navigate({ ...state, sort: first ? { id: first.id, desc: first.desc } : undefined }, { replace: true });
    },
    onColumnVisibilityChange,
    onRowSelectionChange: setRowSelection,
  });
  const rows = table.getRowModel().rows;
  const dayGroups = useMessageDayGroups();
  const selectedMessages = useMemo(
    () => messages.filter((m) => rowSelection[m.id]),
    [messages, rowSelection],
  );

  // ---- active row (keyboard focus of the list), remembered per search for the way back
  const [activeRowId, setActiveRowId] = useState<string | null>(null);
  const restoredFor = useRef<string | null>(null);
  useEffect(() => {
    if (restoredFor.current === search || messages.length === 0) return;
    restoredFor.current = search;
    const remembered = rememberedActiveRow(search);
    if (remembered && messages.some((m) => m.id === remembered)) {
      setActiveRowId(remembered);
      // Back from a message: put keyboard focus where the analyst left off.
      requestAnimationFrame(() => focusRow(remembered));
    } else {
      setActiveRowId(null);
    }
  }, [search, messages]);

  const focusRow = (id: string) => {
    const el = document.querySelector<HTMLElement>(`tr[data-row-id="${CSS.escape(id)}"]`);
    el?.focus();
    el?.scrollIntoView({ block: "nearest" });
  };


  // ---- filters, pivots, paging
  const applyFilters = ({ pairs, range }: { pairs: Record<string, string>; range?: RangePreset }) => {
    const params = new URLSearchParams(pairs);
    if (range) params.set("range", range);
    if (state.sort) params.set("sort", `${state.sort.desc ? "-" : ""}${state.sort.id}`);
    if (state.perPage !== emptyState().perPage) params.set("per_page", String(state.perPage));
    const next = parseMessageUrl(params);
    // Canonical when valid; as typed when not, so the parser's errors appear next to the field.
    navigate(Object.keys(next.errors).length === 0 ? serializeMessageUrl(next.state) : params.toString());
  };
  const clearFilters = () => navigate({ ...emptyState(), perPage: state.perPage, sort: state.sort });
  pivotRef.current = (kind, m) => {
    const pivot = pivotFilters(kind, m);
    if (pivot) navigate(withFilters(state, applyPivot(state.filters, pivot), state.range));
  };

  const following = followingPage(page);
  const goNext = () => {
    if (following && !page?.pending) navigate(nextPage(state, following, page?.window));
  };
  const goPrevious = () => navigate(previousPage(state));

  // ---- keyboard
  const searchInputRef = useRef<HTMLInputElement>(null);
  const [shortcutsOpen, setShortcutsOpen] = useState(false);
  const ids = rows.map((r) => r.id);
  const activeIndex = activeRowId ? ids.indexOf(activeRowId) : -1;
  const moveActive = (delta: number) => {
    const nextId = ids[Math.min(ids.length - 1, Math.max(0, activeIndex < 0 ? 0 : activeIndex + delta))];
    if (nextId) {
      setActiveRowId(nextId);
      focusRow(nextId);
    }
  };
  const activeShown = activeRowId !== null && ids.includes(activeRowId);
  useShortcuts(MESSAGE_LIST_SHORTCUTS, {
    "focus-search": () => {
      searchInputRef.current?.focus();
      searchInputRef.current?.select();
    },
    next: () => moveActive(1),
    previous: () => moveActive(-1),
    "toggle-selection": () => {
      if (!activeShown) return false;
      table.getRow(activeRowId).toggleSelected();
    },
    open: (event) => {
      // Enter on a button or link inside a row belongs to that control.
      const onRowOrBody = event.target === document.body || (event.target as HTMLElement).tagName === "TR";
      if (!activeShown || !onRowOrBody) return false;
      openMessage(activeRowId);
    },
    help: () => setShortcutsOpen(true),
  });

  // ---- export
  const [exporting, setExporting] = useState(false);
  const [exportNote, setExportNote] = useState<{ ok: boolean; text: string } | null>(null);
  const exportCsv = async (followPages: boolean) => {
    if (!page || exporting) return;
    setExporting(true);
    setExportNote(null);
    try {
      // This page in the order shown (sorted), then following pages in the API's order.
      const shown = rows.map((r) => r.original);
      const { messages: all, truncated, unreadable } = followPages
        ? await collectFollowingPages(listSearch, { ...page, messages: shown }, EXPORT_ROW_CAP)
        : { messages: shown, truncated: false, unreadable: page.unreadable };
      download(messagesToCsv(all), csvFileName(new Date()));
      setExportNote({
        ok: true,
        text: `Exported ${all.length} rows${truncated ? ` (stopped at the ${EXPORT_ROW_CAP.toLocaleString("en")}-row cap)` : ""}.${
          unreadable ? ` ${unreadable} ${unreadable === 1 ? "row" : "rows"} Cloudflare sent could not be read and ${unreadable === 1 ? "is" : "are"} not in the file.` : ""
        }`,
      });
    } catch (error) {
      setExportNote({ ok: false, text: `Export failed: ${error instanceof Error ? error.message : "unknown error"}` });
    } finally {
      setExporting(false);
    }
  };

  // ---- derived view
  const frozenState = () => freezeState(state, Date.now(), page?.window);
  const buildShareUrl = () => {
    const qs = serializeMessageUrl(frozenState());
    return `${window.location.origin}/messages${qs ? `?${qs}` : ""}`;
  };
  const bulkHref = () => `/bulk/new?${filtersToSearchParams(frozenState().filters).toString()}`;

  const serverFieldErrors: Partial<Record<UrlKey, string>> =
    list.error instanceof ApiError && list.error.fields ? (list.error.fields as Partial<Record<UrlKey, string>>) : {};
  const fieldErrors = { ...serverFieldErrors, ...parsed.errors };
  const pagingErrors = (["cursor", "prev", "sort"] as const).filter((k) => parsed.errors[k]);
  const active = describeFilters(state);
  const pageNo = pageNumber(state);
  const loading = !urlHasErrors && (list.isPending || (page?.pending ?? false));

  return (
    <div className="flex flex-col gap-2">
      <div className="flex items-baseline justify-between">
        <h1 className="text-base font-semibold">Messages</h1>
        <button
          type="button"
          onClick={() => setShortcutsOpen(true)}
          className="text-[12px] text-zinc-500 underline decoration-dotted hover:text-zinc-800"
        >
          Keyboard shortcuts <kbd className="font-mono">?</kbd>
        </button>
      </div>

      <FilterBar
        parsed={parsed}
        fieldErrors={fieldErrors}
        searchInputRef={searchInputRef}
        onApply={applyFilters}
        onClear={clearFilters}
      />

      {urlHasErrors ? (
        <div role="alert" className="rounded border border-amber-300 bg-amber-50 px-3 py-2 text-amber-950">
          <p className="font-medium">This link has values the search cannot use; fix the highlighted filters to search.</p>
          {pagingErrors.length > 0 ? (
            <ul className="mt-1 list-disc pl-5">
              {pagingErrors.map((k) => (
                <li key={k}>{parsed.errors[k]}</li>
              ))}
            </ul>
          ) : null}
          <Button className="mt-1.5" onClick={clearFilters}>
            Clear filters
          </Button>
        </div>
      ) : null}
      {parsed.unknownKeys.length > 0 ? (
        <p className="text-[12px] text-zinc-500">Ignored unknown link parameters: {parsed.unknownKeys.join(", ")}</p>
      ) : null}
      {parsed.bulkOnlyKeys.length > 0 ? (
        <p role="note" className="text-[12px] text-amber-900">
          Ignored {parsed.bulkOnlyKeys.map(labelFor).join(" and ")}: Cloudflare&apos;s search has no such filter, so these results are not
          narrowed by it. Only bulk jobs can use it.
        </p>
      ) : null}

      {/* The selection bar lays itself over this row, so ticking a box never moves the table. */}
      <div className="relative flex flex-wrap items-center gap-2">
        <MessageActions selected={selectedMessages} onClearSelection={() => setRowSelection({})} />
        <p role="status" aria-live="polite" className="mr-auto text-[12px] text-zinc-600">
          {urlHasErrors
            ? "Search not run."
            : page?.pending
              ? "Search still running at Cloudflare… checking again shortly."
              : list.isPending
                ? "Searching…"
                : list.isError
                  ? "Search failed."
                  : `Page ${pageNo} · ${messages.length} ${messages.length === 1 ? "message" : "messages"} on this page${list.isFetching ? " · refreshing…" : ""}`}
        </p>
        <ColumnsMenu table={table} />
        <CopyLinkButton buildUrl={buildShareUrl} />
        <ExportMenu loadedCount={messages.length} hasMore={!!following} busy={exporting} onExport={exportCsv} />
        <Link
          href={bulkHref()}
          // A relative range is frozen to the minute; server and browser may straddle one.
          suppressHydrationWarning
          className="inline-flex h-7 items-center rounded border border-zinc-300 bg-white px-2.5 text-[12px] font-medium text-zinc-800 hover:bg-zinc-100"
        >
          Bulk action on all results
        </Link>
      </div>
      {exportNote ? (
        <p role={exportNote.ok ? "status" : "alert"} className={`text-[12px] ${exportNote.ok ? "text-zinc-600" : "text-red-700"}`}>
          {exportNote.text}
        </p>
      ) : null}

      {page && !page.pending ? <UnreadableNote count={page.unreadable} /> : null}

      <RateLimitNotice query={list} />
      {list.isError ? (
        <ErrorState
          title="Could not load messages"
          message={list.error.message}
          detail={list.error instanceof ApiError ? `${list.error.status} ${list.error.code}${list.error.retryAfter ? ` · retry after ${list.error.retryAfter}s` : ""}` : undefined}
          onRetry={() => void list.refetch()}
          retrying={list.isFetching}
        />
      ) : urlHasErrors ? null : (
        <DataTable
          table={table}
          label="Messages"
          compact
          rowGroup={dayGroups}
          loading={loading}
          activeRowId={activeRowId}
          onActivateRow={setActiveRowId}
          onOpenRow={openMessage}
          empty={
            <div className="flex flex-col items-center gap-2 text-center">
              <p className="font-medium text-zinc-800">No messages found</p>
              <p className="max-w-xl text-zinc-600">
                {active.length > 0
                  ? `No messages match: ${active.map((f) => `${f.label} ${f.value}`).join(" · ")}.`
                  : "No messages in the API's default window."}
                {state.filters.detections_only !== false ? " Only detections are searched; untick “Detections only” to include clean mail." : ""}
              </p>
              {active.length > 0 ? <Button onClick={clearFilters}>Clear filters</Button> : null}
            </div>
          }
        />
      )}

      <nav aria-label="Pagination" className="flex items-center gap-2">
        <label className="flex items-center gap-1.5 text-[12px] text-zinc-700">
          Page size
          <select
            aria-invalid={parsed.errors.per_page ? true : undefined}
            aria-describedby={parsed.errors.per_page ? "page-size-error" : undefined}
            value={state.perPage}
            onChange={(e) => navigate({ ...state, perPage: Number(e.target.value), cursor: undefined, trail: [], page: undefined })}
            className={`${inputClass} w-20`}
          >
            {[...new Set([...PAGE_SIZES, state.perPage])]
              .filter((n) => n <= MAX_PAGE_SIZE)
              .sort((a, b) => a - b)
              .map((n) => (
                <option key={n} value={n}>
                  {n}
                </option>
              ))}
          </select>
        </label>
        {parsed.errors.per_page ? (
          <span id="page-size-error" className="text-[11px] text-red-700">
            {parsed.errors.per_page}
          </span>
        ) : null}
        <span className="ml-auto text-[12px] text-zinc-600">Page {pageNo}</span>
        <Button onClick={goPrevious} disabled={!state.cursor && !state.page}>
          ← Previous
        </Button>
        <Button onClick={goNext} disabled={!following || page?.pending}>
          Next →
        </Button>
      </nav>

      <ShortcutsDialog shortcuts={MESSAGE_LIST_SHORTCUTS} open={shortcutsOpen} onClose={() => setShortcutsOpen(false)} />
    </div>
  );
}

