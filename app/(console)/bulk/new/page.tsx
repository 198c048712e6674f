import { Suspense } from "react";
import { NewBulkJob } from "@/components/bulk/new-job/new-bulk-job";

export const metadata = { title: "New bulk job" };

// The job's search is the URL (the search page's filters, same parser), so "Bulk action on all
// results" opens this form prefilled and a reload keeps it.
export default async function NewBulkJobPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await searchParams;
  return (
    <Suspense>
      <NewBulkJob />
    </Suspense>
  );
}
