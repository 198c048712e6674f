"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useCallback, useEffect, useState } from "react";
import { ShortcutHint } from "@/components/keyboard/shortcut-hint";
import { ShortcutsDialog } from "@/components/keyboard/shortcuts-dialog";
import { MessageSubmissions } from "@/components/submissions/message-submissions";
import { CopyButton } from "@/components/ui/copy-button";
import { ErrorState } from "@/components/ui/error-state";
import { RateLimitNotice } from "@/components/ui/rate-limit-notice";
import { TabPanel, Tabs } from "@/components/ui/tabs";
import type { Message } from "@/lib/cloudflare/types";
import { MESSAGE_PAGE_SHORTCUTS } from "@/lib/keyboard/shortcuts";
import { useShortcuts } from "@/lib/keyboard/use-shortcuts";
import { DEFAULT_TAB, MESSAGE_PAGE_URL_KEYS, MESSAGE_TABS, messageHref, readMessagePageUrl, tabForKey, type MessageTab } from "@/lib/messages/tabs";
import { rememberListVisit } from "@/lib/messages/list-memory";
import { ApiError } from "@/lib/queries/http";
import { useUrlKeys } from "@/lib/url-state/use-url-keys";
import { useMessageDetail } from "@/lib/queries/message";
import { ActionLogTab } from "./action-log-tab";
import { DetectionsTab } from "./detections-tab";
import { MessageActionBar } from "./message-action-bar";
import { MessageHeader } from "./message-header";
import { OverviewTab } from "./overview-tab";
import { PreviewTab } from "./preview-tab";
import { RawTab } from "./raw-tab";
import { TraceTab } from "./trace-tab";
import { useListContext } from "./use-list-context";
import { usePrefetchNext } from "./use-prefetch-next";

const TAB_ITEMS = MESSAGE_TABS.map((t, i) => ({ id: t.id, label: t.label, shortcut: String(i + 1) }));
const linkClass =
  "inline-flex h-7 items-center rounded border border-zinc-300 bg-white px-2.5 text-[12px] font-medium text-zinc-800 hover:bg-zinc-100";

function Panel({ tab, message }: { tab: MessageTab; message: Message }) {
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
export function MessagePage({ id }: { id: string }) {
  const router = useRouter();
  // Tab changes replace the URL: they do not pile up in history between the analyst and "Back".
  const { state: url, set } = useUrlKeys(MESSAGE_PAGE_URL_KEYS, { history: "replace" }, readMessagePageUrl);
  const { tab, invalid } = url;
  const detail = useMessageDetail(id);
  const list = useListContext(id, url.list);
  usePrefetchNext(list.neighbours?.next ?? null);

  // The page's plain address plus the tab, as messageHref writes it (the list is in this tab's session).
  const selectTab = useCallback((next: MessageTab) => set({ tab: next === DEFAULT_TAB ? null : next }), [set]);

  // The key hint shows once the keys work: until hydration attaches the listeners, a key press
  // would be lost, and a hint on a page that ignores keys would be a small lie.
  const [keysReady, setKeysReady] = useState(false);

  const walk = (targetId: string | null) => {
    if (!targetId) return false;
    rememberListVisit(list.search, targetId);
    router.push(messageHref(targetId, tab, list.fromLink ? list.search : undefined));
  };

  const [shortcutsOpen, setShortcutsOpen] = useState(false);
  useShortcuts(MESSAGE_PAGE_SHORTCUTS, {
    tab: (event) => {
      const target = tabForKey(event.key);
      if (!target) return false;
      selectTab(target);
    },
    back: () => router.push(list.backHref),
    help: () => setShortcutsOpen(true),
    // The list's j/k, here: the next or previous message of the results, same tab.
    next: () => walk(list.neighbours?.next ?? null),
    previous: () => walk(list.neighbours?.previous ?? null),
  });
  useEffect(() => setKeysReady(true), []);

  const neighbour = (targetId: string | null, label: string, rel: "prev" | "next") =>
    targetId ? (
      <Link
        href={messageHref(targetId, tab, list.fromLink ? list.search : undefined)}
        rel={rel}
        // The route's code and payload ahead of time (the server reads nothing for an in-app
        // navigation); the message and its detections come from the cache (usePrefetchNext).
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
          <ShortcutHint shortcuts={MESSAGE_PAGE_SHORTCUTS} hidden={!keysReady} className="hidden text-[11px] text-zinc-600 lg:inline" />
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
          <MessageActionBar
            message={detail.data}
            onNext={list.neighbours?.next ? () => walk(list.neighbours?.next ?? null) : undefined}
          />
          <MessageSubmissions messageId={detail.data.id} postfixId={detail.data.postfix_id} since={detail.data.scanned_at} />
          {invalid !== null ? (
            <p role="note" className="text-[12px] text-amber-900">
              The link asked for a tab “{invalid}” that does not exist; showing {TAB_ITEMS.find((t) => t.id === tab)?.label}.
            </p>
          ) : null}
          <div>
            <Tabs label="Message details" tabs={TAB_ITEMS} selected={tab} onSelect={selectTab}>
              {TAB_ITEMS.map((t) => (
                <TabPanel key={t.id} id={t.id}>
                  {t.id === tab ? <Panel tab={tab} message={detail.data} /> : null}
                </TabPanel>
              ))}
            </Tabs>
          </div>
        </>
      )}
      <ShortcutsDialog shortcuts={MESSAGE_PAGE_SHORTCUTS} open={shortcutsOpen} onClose={() => setShortcutsOpen(false)} />
    </div>
  );
}
