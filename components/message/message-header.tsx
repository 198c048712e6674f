import { Revealed } from "@/components/ui/revealed";
import { Badge } from "@/components/ui/badge";
import type { Message } from "@/lib/cloudflare/types";
import { TimeText } from "@/components/ui/time-text";
import { dispositionTone, formatDeliveryStatus, receivedAt, recipientsOf, senderAddress } from "@/lib/messages/message-view";
import { replyToIfDiffers } from "@/lib/messages/message-facts";
import { SenderPolicies } from "@/components/policies/sender-policies";
import { AuthBadges } from "./auth-badges";

/**
 * What an analyst needs in the first seconds: who, to whom, when, the verdict and why. Mail text
 * is shown through `Revealed`, as everywhere else, so a right-to-left override reads as ⟨RLO⟩.
 */
export function MessageHeader({ message: m }: { message: Message }) {
  const received = receivedAt(m);
  const replyTo = replyToIfDiffers(m);
  const reasons = m.detection_reasons ?? [];
  return (
    <header className="flex flex-col gap-2 rounded border border-zinc-200 bg-white p-3">
      <div className="flex flex-wrap items-start gap-2">
        <h1 className="min-w-0 flex-1 text-base font-semibold break-words"><Revealed text={m.subject} fallback="(no subject)" /></h1>
        {m.final_disposition ? (
          <Badge tone={dispositionTone(m.final_disposition)} title="Final disposition">
            {m.final_disposition}
          </Badge>
        ) : null}
        <Badge tone={m.is_quarantined ? "warning" : "neutral"} title="Delivery status">
          {formatDeliveryStatus(m) || "unknown delivery"}
        </Badge>
      </div>
      <dl className="grid grid-cols-[6rem_1fr] gap-x-3 gap-y-0.5 text-[12px] md:grid-cols-[6rem_1fr_6rem_1fr]">
        <dt className="text-zinc-500">From</dt>
        <dd className="min-w-0 break-words">
          {m.from_name ? <span className="font-medium">
              <Revealed text={m.from_name} />{" "}
            </span> : null}
          <span className="text-zinc-700">
            <Revealed text={senderAddress(m) ?? m.from} fallback="—" />
          </span>
          {replyTo ? (
            <span className="mt-0.5 block">
              <Badge tone="warning">Reply-To differs</Badge> <span className="text-zinc-700">
                <Revealed text={replyTo} />
              </span>
            </span>
          ) : null}
          <SenderPolicies messageId={m.id} subject={m.subject ?? null} sender={senderAddress(m)} recipient={recipientsOf(m)[0] ?? null} />
        </dd>
        <dt className="text-zinc-500">Received</dt>
        <dd>
          {received ? (
            <TimeText iso={received} />
          ) : (
            "—"
          )}
        </dd>
        <dt className="text-zinc-500">To</dt>
        <dd className="min-w-0 break-words">
          <Revealed text={recipientsOf(m).join(", ")} fallback="—" />
        </dd>
        <dt className="text-zinc-500">Authentication</dt>
        <dd>
          <AuthBadges validation={m.validation} />
        </dd>
      </dl>
      <section aria-label="Why it was flagged" className="text-[12px]">
        {reasons.length > 0 ? (
          <ul className="list-disc pl-5 text-zinc-800">
            {reasons.map((reason, i) => (
              <li key={i}>
                <Revealed text={reason} />
              </li>
            ))}
          </ul>
        ) : (
          <p className="text-zinc-600">No detection reasons: Email Security did not flag this message.</p>
        )}
      </section>
    </header>
  );
}
