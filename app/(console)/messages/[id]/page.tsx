import { dehydrate, HydrationBoundary, QueryClient } from "@tanstack/react-query";
import type { Metadata } from "next";
import { headers } from "next/headers";
import { notFound } from "next/navigation";
import { Suspense } from "react";
import { InvalidMessageId } from "@/components/message/invalid-message-id";
import { MessagePage } from "@/components/message/message-page";
import { getDetections, getMessage } from "@/lib/cloudflare";
import { spendPageRead } from "@/lib/api/user-budget";
import { AppError } from "@/lib/errors";
import { readMessagePageUrl } from "@/lib/messages/tabs";
import { messageQueries } from "@/lib/queries/message";
import { investigateIdSchema } from "@/lib/schemas/ids";

type Params = Promise<{ id: string }>;
type SearchParams = Promise<Record<string, string | string[] | undefined>>;

function parseId(raw: string): { ok: true; id: string } | { ok: false; value: string; reason: string } {
  let decoded: string;
  try {
    decoded = decodeURIComponent(raw);
  } catch {
    return { ok: false, value: raw, reason: "The id is not valid URL encoding" };
  }
  const parsed = investigateIdSchema.safeParse(decoded);
  return parsed.success
    ? { ok: true, id: parsed.data }
    : { ok: false, value: decoded, reason: parsed.error.issues[0]?.message ?? "Malformed id" };
}

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const parsed = parseId((await params).id);
  // The subject is attacker-written; the tab title stays generic.
  return { title: parsed.ok ? "Message" : "Invalid message id" };
}

/** The tabs that show the message's detections: on these the first paint needs them too. */
const NEEDS_DETECTIONS = new Set(["overview", "detections"]);

function urlSearchParams(raw: Record<string, string | string[] | undefined>): URLSearchParams {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(raw)) for (const one of Array.isArray(value) ? value : value === undefined ? [] : [value]) params.append(key, one);
  return params;
}

// GET /messages/{id}: the id is checked. On a page load (a teammate's link, a reload) Cloudflare is
// asked here, so an unknown id answers a real 404 and the first paint has the verdict (and, on the
// tabs that show them, the detections); what was read seeds the browser's cache under the keys the
// page's hooks use (messageQueries), so the browser does not read it again. A navigation inside the
// console (list click, j/k, their prefetches) fetches the page's RSC payload: the browser's
// cache already holds the message (from the list) or reads it itself, so the server reads nothing,
// and a prefetch costs no budget. Any upstream failure other than 404 is left to the client, which
// shows it with Retry.
export default async function MessageRoute({ params, searchParams }: { params: Params; searchParams: SearchParams }) {
  const parsed = parseId((await params).id);
  if (!parsed.ok) return <InvalidMessageId value={parsed.value} reason={parsed.reason} />;
  const { tab } = readMessagePageUrl(urlSearchParams(await searchParams));
  const id = parsed.id;
  // The browser says what a request is for: "document" for a page load, "empty" for the App
  // Router's fetch of a payload. (Next hides its own RSC headers from pages.) Without the header
  // (an older browser, plain HTTP off loopback) the page reads as on a page load: correct, dearer.
  const dest = (await headers()).get("sec-fetch-dest");
  const inAppNavigation = dest !== null && dest !== "document";

  const queryClient = new QueryClient();
  // Each read counts against the user's budget like the API's; if it is spent, the client's own
  // fetch shows the 429 with its countdown.
  const read = async <T,>(load: () => Promise<T>) => {
    await spendPageRead();
    return load();
  };
  const skip = (why: string) => Promise.reject(new Error(why));
  const [detail, detections] = await Promise.allSettled([
    inAppNavigation ? skip("the browser has or reads it") : read(() => getMessage(id)),
    !inAppNavigation && NEEDS_DETECTIONS.has(tab) ? read(() => getDetections(id)) : skip("not needed for the first paint"),
  ]);
  if (detail.status === "rejected" && AppError.is(detail.reason) && detail.reason.status === 404) notFound();
  if (detail.status === "fulfilled") queryClient.setQueryData(messageQueries.detail(id).queryKey, detail.value);
  if (detail.status === "fulfilled" && detections.status === "fulfilled") {
    queryClient.setQueryData(messageQueries.detections(id).queryKey, detections.value);
  }
  return (
    <HydrationBoundary state={dehydrate(queryClient)}>
      <Suspense>
        <MessagePage id={id} />
      </Suspense>
    </HydrationBoundary>
  );
}
