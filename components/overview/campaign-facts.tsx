import { Revealed } from "@/components/ui/revealed";
import { Badge, DispositionBadge } from "@/components/ui/badge";
import { TimeText } from "@/components/ui/time-text";
import type { CampaignSummary } from "@/lib/overview/types";
import { plural } from "@/lib/text/plural";
import { Sparkline } from "./sparkline";

/** What a campaign is: size, when, waves, verdicts, what is still delivered, who and from where, and why it is one. */
export function CampaignFacts({ campaign: c }: { campaign: CampaignSummary }) {
  return (
    <div className="flex flex-col gap-1 text-[12px]">
      <p className="flex flex-wrap items-center gap-x-3 gap-y-1">
        <span>{plural(c.size, "message")}</span>
        <span className="inline-flex items-center gap-1">
          <Sparkline counts={c.spark} />
          <span>{plural(c.waves, "wave")}</span>
        </span>
        <span>
          <TimeText iso={c.firstSeen} /> – <TimeText iso={c.lastSeen} />
        </span>
        <span>{`${plural(c.recipients, "recipient")} reached`}</span>
        {c.delivered > 0 ? <Badge tone="critical">{`⚠ ${c.delivered} still delivered`}</Badge> : <Badge tone="quiet">none still delivered</Badge>}
        {c.dispositions.map((d) => (
          <span key={d.value} className="inline-flex items-center gap-0.5">
            <DispositionBadge disposition={d.value} />
            <span className="tabular-nums text-zinc-700">{d.count}</span>
          </span>
        ))}
      </p>
      <p className="text-zinc-700">
        <span className="font-medium">Sent from</span> <Revealed text={c.domains.join(", ")} />
        {c.ips.length ? ` · ${c.ips.join(", ")}` : ""}
      </p>
      <p className="text-zinc-700">
        <span className="font-medium">Grouped by</span> <Revealed text={c.reasons.map((r) => r.text).join("; ")} />
      </p>
    </div>
  );
}
