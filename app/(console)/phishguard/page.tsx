import type { Metadata } from "next";
import { Suspense } from "react";
import { ReportsView } from "@/components/phishguard/reports-view";

export const metadata: Metadata = { title: "PhishGuard reports" };

// GET /phishguard?range= — the view reads its range through lib/phishguard/url-keys.ts.
export default function PhishguardPage() {
  return (
    <Suspense>
      <ReportsView />
    </Suspense>
  );
}
