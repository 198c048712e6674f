import type { ReactNode } from "react";
import { revealParts } from "@/lib/text/reveal";

/**
 * Someone else's text, shown with every hidden character as a visible marker (lib/text/reveal.ts):
 * "⟨RLO⟩gpj.exe", never the disguise it makes. The markers are set apart by style and name their
 * code point on hover; the whole run is a bidi isolate, so right-to-left letters in it (a Hebrew
 * sender name) still read correctly without reordering the text around it.
 */
export function Revealed({ text, fallback = null }: { text: string | null | undefined; fallback?: ReactNode }) {
  if (!text) return <>{fallback}</>;
  const parts = revealParts(text);
  if (parts.length === 1 && !parts[0]!.hidden) return <bdi>{text}</bdi>;
  return (
    <bdi>
      {parts.map((p, i) =>
        p.hidden ? (
          <span key={i} title={`Hidden character ${p.hidden.codePoint}`} className="rounded-sm bg-amber-100 px-px text-amber-900">
            {p.text}
          </span>
        ) : (
          p.text
        ),
      )}
    </bdi>
  );
}
