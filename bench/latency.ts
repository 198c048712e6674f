// Proxy overhead: the same searches, one at a time, through the console and straight to the
// simulator, interleaved (and alternating which goes first) so both share the machine's noise.
import { createServer, type Server } from "node:http";
import { isOk, keepAliveAgent, timedGet, type Timed } from "./client";
import { SEARCHES, consoleSearch, directSearch, type Endpoints } from "./endpoints";
import { summarize, type Summary } from "./stats";

export interface OverheadResult {
  requests: number;
  console: Summary;
  direct: Summary;
  /** console ÷ direct */
  ratioP50: number;
  ratioP99: number;
  errors: { console: number; direct: number; samples: string[] };
  /** Where the console's time went, from its Server-Timing header (TRIAGE_SERVER_TIMING=1), per phase. */
  phases: Record<string, Summary>;
  /**
   * What any console on this stack pays before doing anything of its own, timed the same way:
   * Next.js answering its cheapest route (`/api/health`: no session, a tiny body), and a plain
   * `node:http` server sending the direct search's reply (the cost of one more hop).
   */
  floor: { nextHealth: Summary; plainHttp: Summary };
}

/** A bare node:http server on loopback that answers every request with `body`. */
async function plainServer(body: Buffer): Promise<{ url: string; server: Server }> {
  const server = createServer((_req, res) => {
    res.writeHead(200, { "content-type": "application/json", "content-length": body.length });
    res.end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  return { url: `http://127.0.0.1:${typeof address === "object" && address ? address.port : 0}/`, server };
}

/** `auth;dur=0.412, budget;dur=0.05` → { auth: 0.412, budget: 0.05 } */
export function parseServerTiming(header: string): Record<string, number> {
  const phases: Record<string, number> = {};
  for (const entry of header.split(",")) {
    const [name, ...params] = entry.trim().split(";");
    const dur = params.map((p) => p.trim()).find((p) => p.startsWith("dur="));
    if (name && dur) phases[name] = Number(dur.slice(4));
  }
  return phases;
}

export async function measureProxyOverhead(e: Endpoints, options: { warmup: number; requests: number; deadlineMs: number }): Promise<OverheadResult> {
  const consoleAgent = keepAliveAgent(1);
  const directAgent = keepAliveAgent(1);
  const healthAgent = keepAliveAgent(1);
  const plainAgent = keepAliveAgent(1);
  const consoleMs: number[] = [];
  const directMs: number[] = [];
  const healthMs: number[] = [];
  const plainMs: number[] = [];
  const first = directSearch(e, SEARCHES[0]);
  const sample = await fetch(first.url, { headers: first.headers, signal: AbortSignal.timeout(15_000) });
  const plain = await plainServer(Buffer.from(await sample.arrayBuffer()));
  const errors = { console: 0, direct: 0, samples: [] as string[] };
  const phaseMs: Record<string, number[]> = {};
  const note = (which: "console" | "direct", query: string, t: Timed) => {
    errors[which]++;
    if (errors.samples.length < 5) errors.samples.push(`${which} ${query}: ${t.error ?? `HTTP ${t.status}`}`);
  };
  const deadline = performance.now() + options.deadlineMs;
  try {
    const total = options.warmup + options.requests;
    for (let i = 0; i < total && performance.now() < deadline; i++) {
      const query = SEARCHES[i % SEARCHES.length] as string;
      const c0 = consoleSearch(e, query);
      const d0 = directSearch(e, query);
      const viaConsole = () => timedGet(consoleAgent, c0.url, c0.headers);
      const direct = () => timedGet(directAgent, d0.url, d0.headers);
      let c: Timed;
      let d: Timed;
      if (i % 2 === 0) {
        c = await viaConsole();
        d = await direct();
      } else {
        d = await direct();
        c = await viaConsole();
      }
      const health = await timedGet(healthAgent, `${e.consoleUrl}/api/health`, {});
      const bare = await timedGet(plainAgent, plain.url, {});
      if (i < options.warmup) continue;
      if (isOk(health)) healthMs.push(health.ms);
      if (isOk(bare)) plainMs.push(bare.ms);
      if (isOk(c)) {
        consoleMs.push(c.ms);
        for (const [name, ms] of Object.entries(parseServerTiming(c.serverTiming ?? ""))) (phaseMs[name] ??= []).push(ms);
      } else note("console", query, c);
      if (isOk(d)) directMs.push(d.ms);
      else note("direct", query, d);
    }
  } finally {
    for (const agent of [consoleAgent, directAgent, healthAgent, plainAgent]) agent.destroy();
    plain.server.close();
  }
  const consoleSummary = summarize(consoleMs);
  const directSummary = summarize(directMs);
  return {
    requests: consoleMs.length + errors.console,
    console: consoleSummary,
    direct: directSummary,
    ratioP50: consoleSummary.p50 / directSummary.p50,
    ratioP99: consoleSummary.p99 / directSummary.p99,
    errors,
    phases: Object.fromEntries(Object.entries(phaseMs).map(([name, ms]) => [name, summarize(ms)])),
    floor: { nextHealth: summarize(healthMs), plainHttp: summarize(plainMs) },
  };
}
