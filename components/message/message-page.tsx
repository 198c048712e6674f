"use client";

import Link from "next/link";
import { useRouter, useSearchParams } from "next/navigation";
import { useCallback, useEffect, useId, useState } from "react";
import { MessageSubmissions } from "@/components/submissions/message-submissions";
import { CopyButton } from "@/components/ui/copy-button";
import { ErrorState } from "@/components/ui/error-state";
import { RateLimitNotice } from "@/components/ui/rate-limit-notice";
import { TabPanel, Tabs } from "@/components/ui/tabs";
import type { MessageDetail } from "@/lib/cloudflare/types";
import { LIST_PARAM, MESSAGE_TABS, messageHref, parseMessageTab, tabForKey, type MessageTab } from "@/lib/message/tabs";
import { rememberListVisit } from "@/lib/messages/list-memory";
import { ApiError } from "@/lib/queries/http";
import { useMessageDetail } from "@/lib/queries/message";
import { ActionLogTab } from "./action-log-tab";
import { DetectionsTab } from "./detections-tab";
import { MessageActionBar } from "./message-action-bar";
import { MessageHeader } from "./message-header";
import { OverviewTab } from "./overview-tab";
import { PreviewTab } from "./preview-tab";
import { RawTab } from "./raw-tab";
import { isShortcutEvent } from "./shortcuts";
import { TraceTab } from "./trace-tab";
import { useListContext } from "./use-list-context";

const TAB_ITEMS = MESSAGE_TABS.map((t, i) => ({ id: t.id, label: t.label, shortcut: String(i + 1) }));
const linkClass =
  "inline-flex h-7 items-center rounded border border-zinc-300 bg-white px-2.5 text-[12px] font-medium text-zinc-800 hover:bg-zinc-100";

function Panel({ tab, message }: { tab: MessageTab; message: MessageDetail }) {
  switch (tab) {
    case "overview":
      return <OverviewTab message={message} />;
    case "detections":
      return <DetectionsTab id={message.id} />;
    case "trace":
      return <TraceTab id={message.id} />;
    case "preview":
      return <PreviewTab id={message.id} />;
    case "raw":
      return <RawTab id={message.id} subject={message.subject} />;
    case "action-log":
      return <ActionLogTab id={message.id} />;
  }
}

/**
 * One message: header and actions above the fold, then the tabs. The tab lives in the URL
 * (`?tab=trace`) so a teammate's link opens the same view; only the open tab fetches its data.
 */
export function MessagePage({ id, initialDetail }: { id: string; initialDetail?: MessageDetail }) {
  const router = useRouter();
  const searchParams = useSearchParams();
  const tabValues = searchParams.getAll("tab");
  const { tab, invalid } = parseMessageTab(tabValues.length > 1 ? tabValues : (tabValues[0] ?? undefined));
  const detail = useMessageDetail(id, initialDetail);
  const list = useListContext(id, searchParams.get(LIST_PARAM));
  const idBase = useId();

  // replaceState keeps useSearchParams in step without a server round trip, and tab changes
  // do not pile up in history between the analyst and "Back".
  const selectTab = useCallback((next: MessageTab) => window.history.replaceState(null, "", messageHref(id, next)), [id]);

  // The key hint shows once the keys work: until hydration attaches the listeners, a key press
  // would be lost, and a hint on a page that ignores keys would be a small lie.
  const [keysReady, setKeysReady] = useState(false);

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (!isShortcutEvent(event)) return;
      const target = tabForKey(event.key);
      if (target) {
        event.preventDefault();
        selectTab(target);
      } else if (event.key === "Escape") {
        event.preventDefault();
        router.push(list.backHref);
      } else if ((event.key === "j" || event.key === "k") && list.neighbours) {
        // The list's j/k, here: the next or previous message of the results, same tab.
        const targetId = event.key === "j" ? list.neighbours.next : list.neighbours.previous;
        if (!targetId) return;
        event.preventDefault();
        rememberListVisit(list.search, targetId);
        router.push(messageHref(targetId, tab, list.fromLink ? list.search : undefined));
      }
    };
    document.addEventListener("keydown", onKeyDown);
    setKeysReady(true);
    return () => document.removeEventListener("keydown", onKeyDown);
  }, [router, list.backHref, list.neighbours, list.search, list.fromLink, tab, selectTab]);

  const neighbour = (targetId: string | null, label: string, rel: "prev" | "next") =>
    targetId ? (
      <Link
        href={messageHref(targetId, tab, list.fromLink ? list.search : undefined)}
        rel={rel}
        // The whole page, verdict included, is fetched ahead, so j/k shows it without waiting.
        prefetch
        aria-keyshortcuts={rel === "next" ? "j" : "k"} onClick={() => rememberListVisit(list.search, targetId)} className={linkClass}>
        {label}
      </Link>
    ) : (
      <span aria-disabled="true" className={`${linkClass} cursor-not-allowed opacity-50`}>
        {label}
      </span>
    );

  const notFound = detail.error instanceof ApiError && detail.error.status === 404;

  return (
    <div className="mx-auto flex max-w-6xl flex-col gap-2">
      <nav aria-label="Message navigation" className="flex flex-wrap items-center gap-2">
        <Link href={list.backHref} className="text-[12px] text-blue-800 underline" aria-keyshortcuts="Escape">
          ← Back to results
        </Link>
        {list.neighbours ? (
          <span className="flex items-center gap-1.5">
            {neighbour(list.neighbours.previous, "← Previous message", "prev")}
            <span className="text-[12px] text-zinc-600">
              {list.neighbours.position} of {list.neighbours.total} on this page of results
            </span>
            {neighbour(list.neighbours.next, "Next message →", "next")}
          </span>
        ) : null}
        <span className="ml-auto flex items-center gap-2">
          <span hidden={!keysReady} className="hidden text-[11px] text-zinc-500 lg:inline">
            Keys: <kbd>1</kbd>–<kbd>6</kbd> tabs · <kbd>m</kbd> move · <kbd>r</kbd> release · <kbd>c</kbd> reclassify · <kbd>j</kbd>/<kbd>k</kbd> next/previous · <kbd>Esc</kbd> back
          </span>
          <CopyButton variant="secondary" value={() => window.location.href} label="Copy link">
            Copy link
          </CopyButton>
        </span>
      </nav>

      <RateLimitNotice query={detail} />
      {detail.isPending ? (
        <div aria-busy="true" className="flex flex-col gap-2 rounded border border-zinc-200 bg-white p-3">
          <p role="status" className="text-zinc-600">
            Loading the message…
          </p>
          <div className="h-5 w-2/3 animate-pulse rounded bg-zinc-200" />
          <div className="h-4 w-1/3 animate-pulse rounded bg-zinc-200" />
        </div>
      ) : detail.isError ? (
        notFound ? (
          <div role="alert" className="rounded border border-zinc-200 bg-white p-4">
            <h1 className="text-base font-semibold">Message not found</h1>
            <p className="mt-1 text-zinc-700">Email Security has no message with this id. It may be older than the retention period.</p>
          </div>
        ) : (
          <ErrorState
            title="Could not load this message"
            message={detail.error.message}
            detail={detail.error instanceof ApiError ? `${detail.error.status} ${detail.error.code}` : undefined}
            onRetry={() => void detail.refetch()}
            retrying={detail.isFetching}
          />
        )
      ) : (
        <>
          <MessageHeader message={detail.data} />
          <MessageActionBar message={detail.data} />
          <MessageSubmissions messageId={detail.data.id} postfixId={detail.data.postfix_id} since={detail.data.scanned_at} />
          {invalid !== null ? (
            <p role="note" className="text-[12px] text-amber-900">
              The link asked for a tab “{invalid}” that does not exist; showing {TAB_ITEMS.find((t) => t.id === tab)?.label}.
            </p>
          ) : null}
          <div>
            <Tabs label="Message details" tabs={TAB_ITEMS} selected={tab} onSelect={selectTab} idBase={idBase} />
            {TAB_ITEMS.map((t) => (
              <TabPanel key={t.id} idBase={idBase} id={t.id} hidden={t.id !== tab}>
                {t.id === tab ? <Panel tab={tab} message={detail.data} /> : null}
              </TabPanel>
            ))}
          </div>
        </>
      )}
    </div>
  );
}
