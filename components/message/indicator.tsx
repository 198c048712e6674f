import { Revealed } from "@/components/ui/revealed";
import type { ReactNode } from "react";
import { CopyButton } from "@/components/ui/copy-button";
import { defang, type IndicatorKind } from "@/lib/messages/defang";
import { revealHidden } from "@/lib/text/reveal";

/**
 * One indicator (an address, URL, domain, IP, hash or id) as text, with copy buttons. URLs,
 * domains and IPs are shown defanged; "Copy" copies what is shown and "Copy original" the live
 * value, only when asked.
 */
export function Indicator({ label, value, kind = "text" }: { label: string; value: string; kind?: IndicatorKind }) {
  const shown = defang(value, kind);
  const defanged = shown !== value;
  // The label may name mail text ("SHA256 of invoice_\u202Efdp.exe"): a screen reader hears it revealed too.
  const spoken = revealHidden(label);
  return (
    <span className="inline-flex max-w-full flex-wrap items-center gap-1">
      <code className="rounded bg-zinc-100 px-1 font-mono text-[12px] break-all text-zinc-800">
        <Revealed text={shown} />
      </code>
      <CopyButton value={shown} label={defanged ? `Copy ${spoken} (defanged)` : `Copy ${spoken}`} className="h-5 px-1 text-[11px]" />
      {defanged ? (
        <CopyButton value={value} label={`Copy original ${spoken}`} className="h-5 px-1 text-[11px]">
          Copy original
        </CopyButton>
      ) : null}
    </span>
  );
}

/** A definition list row; keeps the two-column layout the same on every tab. */
export function Fact({ term, children }: { term: string; children: ReactNode }) {
  return (
    <>
      <dt className="pt-0.5 text-zinc-500">{term}</dt>
      <dd className="min-w-0 break-words">{children ?? <span className="text-zinc-400">—</span>}</dd>
    </>
  );
}
