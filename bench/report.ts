// The benchmark's report: one JSON document (numbers rounded, NaN as null) and a table for people.
import type { BrowserResults } from "./browser";
import type { PageBundle } from "./bundle";
import type { TriageResult } from "./triage";
import type { OverheadResult } from "./latency";
import type { LoadResult } from "./load";
import { round, roundSummary, type Summary } from "./stats";

export interface Machine {
  date: string;
  node: string;
  next: string | null;
  chromium: string | null;
  platform: string;
  cpus: number;
  cpuModel: string | null;
  memoryGb: number;
  /** 1-minute load average when the run started and ended: other work on the machine skews the figures. */
  loadAverage: { start: number; end: number };
}

export interface Report {
  machine: Machine;
  options: Record<string, unknown>;
  timingsS: { build: number | null; startup: number; total: number };
  proxyOverhead: OverheadResult | null;
  load: LoadResult | null;
  /** Requests per second through the console and straight at the simulator, at 8 and 50 clients. */
  throughput: { clients: number; console: LoadResult; direct: LoadResult; ratio: number }[] | null;
  firstLoadJs: PageBundle[] | null;
  triage: TriageResult | null;
  browser: BrowserResults | null;
  hugeMessageKb: number | null;
  errors: { section: string; message: string }[];
  pass: boolean;
}

function isSummary(value: unknown): value is Summary {
  return typeof value === "object" && value !== null && "p50" in value && "p99" in value && "count" in value;
}

/** Deep copy with summaries and floats rounded for reading. */
export function toJson(report: Report): unknown {
  const walk = (value: unknown): unknown => {
    if (typeof value === "number") return Number.isInteger(value) ? value : round(value);
    if (Array.isArray(value)) return value.map(walk);
    if (isSummary(value)) return roundSummary(value);
    if (value && typeof value === "object") return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, walk(v)]));
    return value;
  };
  return walk(report);
}

const fmt = (value: number | null | undefined, unit = ""): string => {
  if (value === null || value === undefined || !Number.isFinite(value)) return "—";
  const text = Math.abs(value) < 10 ? value.toFixed(2) : Math.abs(value) < 1000 ? value.toFixed(1) : Math.round(value).toLocaleString("en");
  return `${text}${unit}`;
};

function table(rows: string[][]): string {
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => (r[i] ?? "").length)));
  const line = (r: string[]) => r.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join("  ");
  const rule = widths.map((w) => "-".repeat(w)).join("  ");
  return [line(rows[0]!), rule, ...rows.slice(1).map(line)].join("\n");
}

export function formatReport(report: Report): string {
  const out: string[] = [];
  const m = report.machine;
  out.push(
    `Triage benchmark · ${m.date} · node ${m.node} · next ${m.next ?? "?"} · ${m.cpus} CPUs (${m.cpuModel ?? "?"}) · load avg ${m.loadAverage.start.toFixed(1)} → ${m.loadAverage.end.toFixed(1)}`,
  );

  const rows: string[][] = [["measure", "p50", "p99", "other"]];
  const notes: string[] = [];
  const p = report.proxyOverhead;
  if (p) {
    rows.push(["search via console (sequential)", fmt(p.console.p50, " ms"), fmt(p.console.p99, " ms"), `n=${p.console.count}`]);
    rows.push(["search direct to simulator", fmt(p.direct.p50, " ms"), fmt(p.direct.p99, " ms"), `n=${p.direct.count}`]);
    rows.push(["proxy overhead (console ÷ direct)", `${fmt(p.ratioP50)}×`, `${fmt(p.ratioP99)}×`, `+${fmt(p.console.p50 - p.direct.p50, " ms")} at p50`]);
    for (const [phase, summary] of Object.entries(p.phases)) {
      rows.push([`  console phase: ${phase}`, fmt(summary.p50, " ms"), fmt(summary.p99, " ms"), phase === "handler" ? "includes the upstream call" : ""]);
    }
    rows.push(["floor: Next.js's cheapest route (/api/health)", fmt(p.floor.nextHealth.p50, " ms"), fmt(p.floor.nextHealth.p99, " ms"), "no session, no upstream call"]);
    rows.push(["floor: plain node:http, same reply as direct", fmt(p.floor.plainHttp.p50, " ms"), fmt(p.floor.plainHttp.p99, " ms"), "one more hop, nothing else"]);
    const own = p.console.p50 - p.floor.nextHealth.p50 - p.direct.p50;
    rows.push(["console's own work (console − floor − direct)", fmt(own, " ms"), "", `target ≤ 2 ms at p50: ${own <= 2 ? "met" : "NOT met"}`]);
  }
  const t = report.triage;
  if (t) {
    const target = (ok: boolean, text: string) => `${text}: ${ok ? "met" : "NOT met"}`;
    rows.push(["list click → heading, verdict, tabs painted", fmt(t.openMs.p50, " ms"), fmt(t.openMs.p99, " ms"), `n=${t.openMs.count} · ${target(t.openMs.p50 <= 300, "target ≤ 300 ms")}`]);
    rows.push(["j → next message painted", fmt(t.nextMs.p50, " ms"), fmt(t.nextMs.p99, " ms"), `n=${t.nextMs.count} · ${target(t.nextMs.p50 <= 100, "target ≤ 100 ms")}`]);
    rows.push([
      "upstream reads per message reviewed",
      fmt(t.readsPerMessage),
      "",
      `${t.messages} messages by j · ${target(t.readsPerMessage <= 2, "target ≤ 2")} · ${Object.entries(t.byOperation).map(([op, n]) => `${op} ${n}`).join(", ")}`,
    ]);
    rows.push(["  reads per open from the list", fmt(t.openReads.p50), fmt(t.openReads.max), "max in the last column"]);
    rows.push(["  reads per j (incl. the next one's prefetch)", fmt(t.nextReads.p50), fmt(t.nextReads.max), "max in the last column"]);
    for (const [tab, n] of Object.entries(t.tabReads)) rows.push([`  reads when opening the ${tab} tab`, String(n), "", ""]);
  }
  for (const t of report.throughput ?? []) {
    rows.push([
      `throughput, ${t.clients} clients`,
      fmt(t.console.latency.p50, " ms"),
      fmt(t.console.latency.p99, " ms"),
      `console ${fmt(t.console.requestsPerSecond)} req/s · direct ${fmt(t.direct.requestsPerSecond)} req/s · ratio ${fmt(t.ratio)} · errors ${t.console.errors + t.direct.errors}`,
    ]);
  }
  const l = report.load;
  if (l) {
    rows.push([
      `load: ${l.clients} clients × ${fmt(l.durationS, " s")}`,
      fmt(l.latency.p50, " ms"),
      fmt(l.latency.p99, " ms"),
      `${fmt(l.requestsPerSecond)} req/s · ${l.requests} requests · ${l.errors} errors`,
    ]);
    rows.push([
      "console server memory (RSS)",
      "",
      "",
      `idle ${fmt(l.idleRssMb, " MB")} · peak ${fmt(l.peakRssMb, " MB")}`,
    ]);
    if (l.upstreamCalls !== null) {
      notes.push(
        `Under load the simulator received ${l.upstreamCalls} searches for ${l.requests} console requests: identical concurrent searches are coalesced (the read cache is off).`,
      );
    }
  }
  for (const b of report.firstLoadJs ?? []) {
    rows.push([`first-load JS ${b.page.length > 40 ? `${b.page.slice(0, 37)}…` : b.page}`, "", "", `${fmt(b.gzipKb, " KB")} gzip · ${fmt(b.rawKb, " KB")} raw · ${b.scripts} scripts`]);
  }
  for (const r of report.browser?.rows ?? []) {
    const ratio = r.upstreamMs ? r.paintMs.p50 / r.upstreamMs.p50 : NaN;
    rows.push([
      `filter → ${r.rows} rows painted${r.note ? " *" : ""}`,
      fmt(r.paintMs.p50, " ms"),
      fmt(r.paintMs.p99, " ms"),
      `n=${r.paintMs.count} · in DOM ${fmt(r.domMs.p50, " ms")} · upstream ${fmt(r.upstreamMs?.p50, " ms")} (${fmt(ratio)}×, target ≤ 1.3×: ${ratio <= 1.3 ? "met" : "NOT met"})`,
    ]);
    if (r.note) notes.push(`* ${r.note}`);
  }
  const raw = report.browser?.rawTab;
  if (raw) {
    rows.push([
      `Raw tab of the ${fmt(report.hugeMessageKb !== null ? report.hugeMessageKb / 1024 : null, " MB")} message`,
      fmt(raw.visibleMs.p50, " ms"),
      fmt(raw.visibleMs.p99, " ms"),
      `n=${raw.visibleMs.count} · headers parsed ${fmt(raw.parsedMs?.p50, " ms")}`,
    ]);
  }
  out.push("", table(rows), ...(notes.length ? ["", ...notes] : []));
  out.push("", `build ${fmt(report.timingsS.build, " s")} · start-up ${fmt(report.timingsS.startup, " s")} · total ${fmt(report.timingsS.total, " s")}`);
  for (const e of report.errors) out.push(`ERROR [${e.section}] ${e.message}`);
  if (l && l.errors > 0) out.push(`FAIL: ${l.errors} of ${l.requests} requests under load failed (must be 0), e.g. ${l.errorSamples.join("; ")}`);
  out.push(report.pass ? "PASS" : "FAIL");
  return out.join("\n");
}
