/** A campaign's messages per histogram bucket, as a tiny bar line (the text beside it says the same). */
export function Sparkline({ counts }: { counts: number[] }) {
  const max = Math.max(1, ...counts);
  return (
    <svg viewBox={`0 0 ${counts.length * 3} 12`} preserveAspectRatio="none" className="h-3 w-24" aria-hidden="true">
      {counts.map((n, i) => (n > 0 ? <rect key={i} x={i * 3} y={12 - (n / max) * 12} width={2.4} height={(n / max) * 12} className="fill-zinc-600" /> : null))}
    </svg>
  );
}
