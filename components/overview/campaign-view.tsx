"use client";

import { Revealed } from "@/components/ui/revealed";
import Link from "next/link";
import { useRouter, useSearchParams } from "next/navigation";
import { useCallback, useMemo, useState } from "react";
import { ShortcutsDialog } from "@/components/keyboard/shortcuts-dialog";
import { messageColumns, useMessageDayGroups } from "@/components/messages/columns";
import { MessageActions } from "@/components/messages/message-actions";
import { useActiveRow } from "@/components/messages/search/use-active-row";
import { useListKeyboard } from "@/components/messages/search/use-list-keyboard";
import { useResultsTable } from "@/components/messages/search/use-results-table";
import { DataTable } from "@/components/ui/data-table";
import { ErrorState } from "@/components/ui/error-state";
import { MESSAGE_LIST_SHORTCUTS } from "@/lib/keyboard/shortcuts";
import { applyPivot, pivotFilters } from "@/lib/messages/pivots";
import { parseMessageUrl, serializeMessageUrl, withFilters } from "@/lib/messages/search-url";
import { messageHref } from "@/lib/messages/tabs";
import { describeCoverage } from "@/lib/overview/types";
import { ApiError } from "@/lib/queries/http";
import { useCampaign } from "@/lib/queries/overview";
import { CampaignFacts } from "./campaign-facts";

/** `/campaigns/{id}?{search}`: one campaign of a search, with its messages in the search's own rows. */
export function CampaignView({ id }: { id: string }) {
  const router = useRouter();
  const params = useSearchParams();
  const search = params.toString();
  const { state } = useMemo(() => parseMessageUrl(new URLSearchParams(search)), [search]);
  const query = useCampaign(id, { filters: state.filters, range: state.range });
  const data = query.data;
  const messages = useMemo(() => data?.messages ?? [], [data]);
  const searchHref = `/messages?${serializeMessageUrl(state)}`;

  const openMessage = useCallback((messageId: string) => router.push(messageHref(messageId)), [router]);
  const columns = useMemo(
    () =>
      messageColumns({
        onPivot: (kind, m) => {
          const pivot = pivotFilters(kind, m);
          if (pivot) router.push(`/messages?${serializeMessageUrl(withFilters(state, applyPivot(state.filters, pivot), state.range))}`);
        },
        hrefFor: (messageId) => messageHref(messageId),
        onOpen: openMessage,
      }),
    [router, state, openMessage],
  );
  const dayGroups = useMessageDayGroups();
  const [sort, setSort] = useState<{ id: string; desc: boolean } | undefined>();
  const { table, selected, clearSelection } = useResultsTable({ messages, columns, sort, onSort: setSort, listKey: `${id}?${search}` });
  const [activeRowId, setActiveRowId] = useActiveRow(`campaign:${id}?${search}`, messages);
  const [shortcutsOpen, setShortcutsOpen] = useState(false);
  useListKeyboard({ table, activeRowId, setActiveRowId, searchInputRef: { current: null }, openMessage, showHelp: () => setShortcutsOpen(true) });

  const title = data?.campaign.subjects[0] ?? "Campaign";
  return (
    <div className="flex flex-col gap-2">
      <p className="text-[12px]">
        <Link href={searchHref} className="text-blue-700 hover:underline">
          ← Back to the search
        </Link>
      </p>
      <h1 className="text-base font-semibold">
        Campaign: <Revealed text={title} />
      </h1>
      {data ? (
        <>
          <CampaignFacts campaign={data.campaign} />
          <p className="text-[12px] text-zinc-600">
            {`Found among ${describeCoverage(data.coverage)} messages of the search; Cloudflare's search has no fingerprint filter, so the campaign is found again each time.`}
          </p>
        </>
      ) : null}
      <div className="relative flex min-h-7 flex-wrap items-center gap-2">
        <MessageActions selected={selected} onClearSelection={clearSelection} />
        <p role="status" aria-live="polite" className="text-[12px] text-zinc-600">
          {query.isPending ? "Finding the campaign…" : query.isError ? "Could not load the campaign." : `${messages.length} ${messages.length === 1 ? "message" : "messages"}`}
        </p>
      </div>
      {query.isError ? (
        <ErrorState
          title="Could not load the campaign"
          message={query.error.message}
          detail={query.error instanceof ApiError ? `${query.error.status} ${query.error.code}` : undefined}
          onRetry={() => void query.refetch()}
          retrying={query.isFetching}
        />
      ) : (
        <DataTable
          table={table}
          label="Messages"
          compact
          rowGroup={dayGroups}
          loading={query.isPending}
          activeRowId={activeRowId}
          onActivateRow={setActiveRowId}
          onOpenRow={openMessage}
          empty={<p className="p-3 text-[12px] text-zinc-600">No messages.</p>}
        />
      )}
      <ShortcutsDialog shortcuts={MESSAGE_LIST_SHORTCUTS} open={shortcutsOpen} onClose={() => setShortcutsOpen(false)} />
    </div>
  );
}
