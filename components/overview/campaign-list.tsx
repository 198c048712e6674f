import { Revealed } from "@/components/ui/revealed";
import Link from "next/link";
import type { CampaignSummary } from "@/lib/overview/types";
import { campaignHref } from "@/lib/overview/url";
import { CampaignFacts } from "./campaign-facts";

/** The overview's campaigns, worst and largest first, each a link to its own page. */
export function CampaignList({ campaigns, searchQuery }: { campaigns: CampaignSummary[]; searchQuery: string }) {
  if (campaigns.length === 0) return <p className="text-[12px] text-zinc-600">No campaigns: no fingerprint is shared by three or more of these messages.</p>;
  return (
    <ol className="flex flex-col divide-y divide-zinc-200" aria-label="Campaigns">
      {campaigns.map((c) => (
        <li key={c.id} className="py-1">
          <Link href={campaignHref(c.id, searchQuery)} className="block truncate text-[12px] font-medium text-blue-700 hover:underline">
            <Revealed text={c.subjects[0]} fallback={c.id} />
          </Link>
          <CampaignFacts campaign={c} />
        </li>
      ))}
    </ol>
  );
}
