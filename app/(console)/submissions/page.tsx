import type { Metadata } from "next";
import { Suspense } from "react";
import { SubmissionsView } from "@/components/submissions/submissions-view";
import { submissionListQuerySchema, type SubmissionListQuery } from "@/lib/schemas/submissions";

export const metadata: Metadata = { title: "Submissions" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

// GET /submissions?type=&status=&…&page= — parsed with the API route's own query schema; a bad
// value is reported next to its control and the page shows the unfiltered queue meanwhile.
export default async function SubmissionsPage({ searchParams }: { searchParams: SearchParams }) {
  const raw = Object.fromEntries(Object.entries(await searchParams).filter((e): e is [string, string] => typeof e[1] === "string"));
  const parsed = submissionListQuerySchema.safeParse(raw);
  const query: SubmissionListQuery = parsed.success ? parsed.data : {};
  const errors = parsed.success ? {} : Object.fromEntries(parsed.error.issues.map((i) => [String(i.path[0] ?? "url"), i.message]));
  return (
    <Suspense>
      <SubmissionsView query={query} errors={errors} />
    </Suspense>
  );
}
