import type { Metadata } from "next";
import { Suspense } from "react";
import { MessageSearch } from "@/components/messages/search/message-search";
import { messagesPageTitle } from "@/lib/messages/page-title";
import { describeFilters, parseMessageUrl } from "@/lib/messages/search-url";

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

// The search params are parsed with the same parser the client uses; a bad value in a pasted link
// is reported next to its filter by the client component, never thrown here.
export async function generateMetadata({ searchParams }: { searchParams: SearchParams }): Promise<Metadata> {
  const { state } = parseMessageUrl(await searchParams);
  return { title: messagesPageTitle(describeFilters(state)) };
}

export default async function MessagesPage({ searchParams }: { searchParams: SearchParams }) {
  await searchParams;
  return (
    <Suspense>
      <MessageSearch />
    </Suspense>
  );
}
