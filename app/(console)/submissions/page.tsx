import type { Metadata } from "next";
import { Suspense } from "react";
import { SubmissionsView } from "@/components/submissions/submissions-view";

export const metadata: Metadata = { title: "Submissions" };

// GET /submissions?type=&status=&…&page= — the view reads the URL through
// lib/submissions/url-keys.ts (the API route's own query schema): a bad value is reported next to
// its control and the rest still applies.
export default function SubmissionsPage() {
  return (
    <Suspense>
      <SubmissionsView />
    </Suspense>
  );
}
