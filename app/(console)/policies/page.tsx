import type { Metadata } from "next";
import { Suspense } from "react";
import { PoliciesView } from "@/components/policies/policies-view";

export const metadata: Metadata = { title: "Sender policies" };

// GET /policies?tab=blocked|allowed&search=&pattern_type=&page= — the view reads the URL through
// lib/policies/url-keys.ts (the routes' own query schema): a bad value is shown next to its control
// and the rest still applies.
export default function PoliciesPage() {
  return (
    <Suspense>
      <PoliciesView />
    </Suspense>
  );
}
