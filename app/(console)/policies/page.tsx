import type { Metadata } from "next";
import { Suspense } from "react";
import { PoliciesView } from "@/components/policies/policies-view";
import { policiesPageSchema, type PoliciesPageQuery } from "@/lib/schemas/policies";

export const metadata: Metadata = { title: "Sender policies" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

// GET /policies?tab=blocked|allowed&search=&pattern_type=&page= — the URL is parsed with the
// routes' own query schema; a bad value is shown next to its control and the rest still applies.
export default async function PoliciesPage({ searchParams }: { searchParams: SearchParams }) {
  const raw = Object.fromEntries(Object.entries(await searchParams).filter((e): e is [string, string] => typeof e[1] === "string"));
  const parsed = policiesPageSchema.safeParse(raw);
  const query: PoliciesPageQuery = parsed.success ? parsed.data : {};
  const errors = parsed.success ? {} : Object.fromEntries(parsed.error.issues.map((i) => [String(i.path[0] ?? "url"), i.message]));
  return (
    <Suspense>
      <PoliciesView query={query} errors={errors} />
    </Suspense>
  );
}
