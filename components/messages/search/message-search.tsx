"use client";

import { useRouter } from "next/navigation";
import { useCallback, useMemo, useRef, useState } from "react";
import { ShortcutsDialog } from "@/components/keyboard/shortcuts-dialog";
import { DataTable } from "@/components/ui/data-table";
import { ErrorState } from "@/components/ui/error-state";
import { RateLimitNotice } from "@/components/ui/rate-limit-notice";
import { UnreadableNote } from "@/components/ui/unreadable-note";
import { MESSAGE_LIST_SHORTCUTS } from "@/lib/keyboard/shortcuts";
import { messageHref } from "@/lib/messages/tabs";
import { rememberListVisit } from "@/lib/messages/list-memory";
import type { Message } from "@/lib/cloudflare/types";
import { applyPivot, pivotFilters, type PivotKind } from "@/lib/messages/pivots";
import {
  emptyState,
  followingPage,
  freezeState,
  nextPage,
  pageNumber,
  previousPage,
  serializeMessageUrl,
  withFilters,
  type UrlKey,
} from "@/lib/messages/search-url";
import { useMessageUrl } from "@/lib/messages/use-message-url";
import { ApiError } from "@/lib/queries/http";
import { toListSearch, useMessageList } from "@/lib/queries/messages";
import { useMatchCountText } from "@/lib/queries/overview";
import { messageColumns, useMessageDayGroups } from "../columns";
import { FilterBar } from "../filter-bar";
import { MessageActions } from "../message-actions";
import { ColumnsMenu, CopyLinkButton, ExportMenu } from "../results-toolbar";
import { ViewsMenu } from "@/components/views/views-menu";
import { BulkActionLink } from "@/components/bulk/bulk-action-link";
import { SearchOverview } from "@/components/overview/search-overview";
import { NoResults } from "./no-results";
import { PaginationBar } from "./pagination-bar";
import { UrlNotices } from "./url-notices";
import { useActiveRow } from "./use-active-row";
import { useCsvExport } from "./use-csv-export";
import { useListKeyboard } from "./use-list-keyboard";
import { useResultsTable } from "./use-results-table";

const NO_MESSAGES: Message[] = [];

/** `/messages`: the search in the URL, its results, keyboard triage, export, links and actions. */
export function MessageSearch() {
  const router = useRouter();
  const { parsed, search, navigate, applyForm } = useMessageUrl("search");
  const { state } = parsed;
  const urlHasErrors = Object.keys(parsed.errors).length > 0;

  const listSearch = useMemo(() => toListSearch(state), [state]);
  const list = useMessageList(listSearch, { enabled: !urlHasErrors });
  const page = list.data;
  const messages = page && !page.pending ? page.messages : NO_MESSAGES;
  const matchCount = useMatchCountText({ filters: state.filters, range: state.range });

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
    () => messageColumns({ onPivot: (kind, m) => pivotRef.current(kind, m), hrefFor: (id) => messageHref(id, undefined, search), onOpen: openMessage }),
    [search, openMessage],
  );
  const dayGroups = useMessageDayGroups();
  const { table, selected, clearSelection } = useResultsTable({
    messages,
    columns,
    sort: state.sort,
    // Sorting re-orders the page shown; Back should not step through it.
    onSort: (sort) => navigate({ ...state, sort }, { history: "replace" }),
    listKey: JSON.stringify(listSearch),
  });
  const [activeRowId, setActiveRowId] = useActiveRow(search, messages);

  // ---- filters, pivots, paging
  const clearFilters = () => navigate({ ...emptyState(), perPage: state.perPage, sort: state.sort });
  pivotRef.current = (kind, m) => {
    const pivot = pivotFilters(kind, m);
    if (pivot) navigate(withFilters(state, applyPivot(state.filters, pivot), state.range));
  };
  const following = followingPage(page);

  const searchInputRef = useRef<HTMLInputElement>(null);
  const [shortcutsOpen, setShortcutsOpen] = useState(false);
  useListKeyboard({ table, activeRowId, setActiveRowId, searchInputRef, openMessage, showHelp: () => setShortcutsOpen(true) });
  const csv = useCsvExport(listSearch, page, () => table.getRowModel().rows.map((r) => r.original));

  // ---- links: a relative range is frozen to the window shown, so a teammate sees the same rows
  const frozenState = () => freezeState(state, Date.now(), page?.window);
  const buildShareUrl = () => {
    const qs = serializeMessageUrl(frozenState());
    return `${window.location.origin}/messages${qs ? `?${qs}` : ""}`;
  };
  const bulkHref = () => `/bulk/new?${serializeMessageUrl({ ...emptyState(), filters: frozenState().filters })}`;

  const serverFieldErrors: Partial<Record<UrlKey, string>> =
    list.error instanceof ApiError && list.error.fields ? (list.error.fields as Partial<Record<UrlKey, string>>) : {};
  const pageNo = pageNumber(state);

  return (
    <div className="flex flex-col gap-2">
      <div className="flex items-baseline justify-between">
        <h1 className="text-base font-semibold">Messages</h1>
        <button type="button" onClick={() => setShortcutsOpen(true)} className="text-[12px] text-zinc-500 underline decoration-dotted hover:text-zinc-800">
          Keyboard shortcuts <kbd className="font-mono">?</kbd>
        </button>
      </div>

      <FilterBar
        parsed={parsed}
        fieldErrors={{ ...serverFieldErrors, ...parsed.errors }}
        searchInputRef={searchInputRef}
        onApply={(form) => applyForm(form, state)}
        onClear={clearFilters}
      />
      <UrlNotices parsed={parsed} onClear={clearFilters} />
      {urlHasErrors ? null : (
        <SearchOverview state={state} ready={list.isSuccess && !page?.pending} onSearch={(filters, range) => navigate(withFilters(state, filters, range))} />
      )}

      {/* The selection bar lays itself over this row, so ticking a box never moves the table. */}
      <div className="relative flex flex-wrap items-center gap-2">
        <MessageActions selected={selected} onClearSelection={clearSelection} />
        <p role="status" aria-live="polite" className="mr-auto text-[12px] text-zinc-600">
          {urlHasErrors
            ? "Search not run."
            : page?.pending
              ? "Search still running at Cloudflare… checking again shortly."
              : list.isPending
                ? "Searching…"
                : list.isError
                  ? "Search failed."
                  : `Page ${pageNo} · ${messages.length} ${messages.length === 1 ? "message" : "messages"} on this page${matchCount ? ` · ${matchCount}` : ""}${list.isFetching ? " · refreshing…" : ""}`}
        </p>
        <ViewsMenu />
        <ColumnsMenu table={table} />
        <CopyLinkButton buildUrl={buildShareUrl} />
        <ExportMenu loadedCount={messages.length} hasMore={!!following} busy={csv.exporting} onExport={csv.exportCsv} />
        <BulkActionLink href={bulkHref()} />
      </div>
      {csv.note ? (
        <p role={csv.note.ok ? "status" : "alert"} className={`text-[12px] ${csv.note.ok ? "text-zinc-600" : "text-red-700"}`}>
          {csv.note.text}
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
          loading={list.isPending || (page?.pending ?? false)}
          activeRowId={activeRowId}
          onActivateRow={setActiveRowId}
          onOpenRow={openMessage}
          empty={<NoResults state={state} onClear={clearFilters} />}
        />
      )}

      <PaginationBar
        perPage={state.perPage}
        perPageError={parsed.errors.per_page}
        pageNo={pageNo}
        canGoBack={Boolean(state.cursor || state.page)}
        canGoOn={Boolean(following) && !page?.pending}
        onPerPage={(perPage) => navigate({ ...state, perPage, cursor: undefined, trail: [], page: undefined })}
        onPrevious={() => navigate(previousPage(state))}
        onNext={() => {
          if (following && !page?.pending) navigate(nextPage(state, following, page?.window));
        }}
      />

      <ShortcutsDialog shortcuts={MESSAGE_LIST_SHORTCUTS} open={shortcutsOpen} onClose={() => setShortcutsOpen(false)} />
    </div>
  );
}
