import { Revealed } from "@/components/ui/revealed";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import { ProgressBar } from "@/components/ui/progress-bar";
import { TimeText } from "@/components/ui/time-text";
import { jobProgress } from "@/lib/bulk/progress";
import type { BulkJob } from "@/lib/cloudflare/types";

const JOB_TONES: Record<string, BadgeTone> = {
  PENDING: "neutral",
  DISCOVERING: "notice",
  PROCESSING: "info",
  COMPLETED: "success",
  FAILED: "danger",
  CANCELLED: "warning",
};

const MESSAGE_TONES: Record<string, BadgeTone> = {
  PENDING: "neutral",
  PROCESSING: "info",
  COMPLETED: "success",
  FAILED: "danger",
  CANCELLED: "warning",
  SKIPPED: "notice",
};

// A status the console does not know is shown as it came, in the neutral tone; a missing one as "—".
export function JobStatusBadge({ status }: { status: string | null | undefined }) {
  if (!status) return <span className="text-zinc-400">—</span>;
  return <Badge tone={JOB_TONES[status] ?? "neutral"}>
      <Revealed text={status} />
    </Badge>;
}

export function JobMessageStatusBadge({ status }: { status: string | null | undefined }) {
  if (!status) return <span className="text-zinc-400">—</span>;
  return <Badge tone={MESSAGE_TONES[status] ?? "neutral"}>
      <Revealed text={status} />
    </Badge>;
}

/** The job's progress: a bar of outcomes out of discovered messages, and the same in words. */
export function JobProgressBar({ job, name }: { job: BulkJob; name: string }) {
  const p = jobProgress(job);
  return (
    <ProgressBar
      label={name}
      valueText={p.label}
      value={p.done}
      max={p.discovered}
      indeterminate={p.indeterminate}
      segments={[
        { value: p.successful, className: "bg-emerald-600" },
        { value: p.failed, className: "bg-red-600" },
        { value: p.skipped, className: "bg-sky-500" },
        { value: p.cancelled, className: "bg-amber-500" },
      ]}
    >
      <span className="text-[11px] text-zinc-600 tabular-nums">
        {p.indeterminate ? p.label : `${p.done} of ${p.discovered} (${p.percent}%)`}
        {!p.indeterminate ? (
          <span className="block text-zinc-500">
            {p.successful} ok · {p.failed} failed · {p.skipped} skipped · {p.cancelled} cancelled · {p.pending} pending
          </span>
        ) : null}
        {!p.consistent ? <span className="block text-amber-800">Counters do not add up to the discovered total.</span> : null}
      </span>
    </ProgressBar>
  );
}

export function DateTime({ iso }: { iso: string | null | undefined }) {
  if (!iso) return <span className="text-zinc-400">—</span>;
  return (
    <TimeText iso={iso} />
  );
}
