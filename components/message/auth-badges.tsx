import { Badge, type BadgeTone } from "@/components/ui/badge";
import { authSummary, type AuthVerdict } from "@/lib/messages/message-view";
import type { Message } from "@/lib/cloudflare/types";

const TONE: Record<AuthVerdict, BadgeTone> = {
  pass: "success",
  fail: "danger",
  error: "danger",
  neutral: "neutral",
  none: "neutral",
  unknown: "neutral",
};

/** SPF, DKIM and DMARC, each as a word and a colour: the word alone is enough. */
export function AuthBadges({ validation }: { validation: Message["validation"] }) {
  const summary = authSummary(validation);
  return (
    <span className="inline-flex flex-wrap items-center gap-1.5" aria-label={summary.text} role="group">
      {(["spf", "dkim", "dmarc"] as const).map((k) => (
        <Badge key={k} tone={TONE[summary[k]]}>
          {k.toUpperCase()} {summary.labels[k]}
        </Badge>
      ))}
    </span>
  );
}
