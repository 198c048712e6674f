import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { Suspense } from "react";
import { CampaignView } from "@/components/overview/campaign-view";
import { campaignIdSchema } from "@/lib/overview/schemas";

type Params = Promise<{ campaignId: string }>;

export const metadata: Metadata = { title: "Campaign" };

// GET /campaigns/{edf|html-fingerprint}?{search}: a campaign of a search's overview, its messages
// listed like the search's. The id is checked here; the search in the query by the client's parser.
export default async function CampaignRoute({ params }: { params: Params }) {
  const parsed = campaignIdSchema.safeParse(decodeURIComponent((await params).campaignId));
  if (!parsed.success) notFound();
  return (
    <Suspense>
      <CampaignView id={parsed.data} />
    </Suspense>
  );
}
