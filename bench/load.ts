// Load: N concurrent clients searching through the console for a fixed time, over keep-alive
// connections, while the console server's memory is sampled.
import { isOk, keepAliveAgent, timedGet } from "./client";
import { SEARCHES, consoleSearch, directSearch, type Endpoints } from "./endpoints";
import { sampleMemory, treeRssMb } from "./servers";
import { summarize, type Summary } from "./stats";

export interface LoadResult {
  /** Through the console, or straight at the simulator (the ceiling the console is compared with). */
  target: "console" | "direct";
  clients: number;
  durationS: number;
  requests: number;
  requestsPerSecond: number;
  latency: Summary;
  errors: number;
  errorSamples: string[];
  /** Console server (process tree, launchers excluded), before the load and at its peak during it. */
  idleRssMb: number;
  peakRssMb: number;
  memorySamples: number;
  /** Searches the simulator received during the load: fewer than `requests` means coalescing. */
  upstreamCalls: number | null;
}

/** Hard cap on requests per client, so even an instant server cannot spin forever. */
const MAX_REQUESTS_PER_CLIENT = 1_000_000;

async function simulatorCallCount(e: Endpoints, clear: boolean): Promise<number | null> {
  try {
    const url = `${e.simulatorUrl}/__simulator/calls`;
    if (clear) {
      await (await fetch(url, { method: "DELETE", signal: AbortSignal.timeout(10_000) })).arrayBuffer();
      return 0;
    }
    const body = (await (await fetch(url, { signal: AbortSignal.timeout(30_000) })).json()) as { result?: { path?: string }[] };
    const count = body.result?.filter((c) => c.path?.endsWith("/email-security/investigate")).length ?? null;
    await (await fetch(url, { method: "DELETE", signal: AbortSignal.timeout(10_000) })).arrayBuffer();
    return count;
  } catch {
    return null;
  }
}

export async function runLoad(
  e: Endpoints,
  options: { clients: number; durationMs: number; serverPid: number; target?: "console" | "direct" },
): Promise<LoadResult> {
  const target = options.target ?? "console";
  const searchOf = target === "console" ? consoleSearch : directSearch;
  const agent = keepAliveAgent(options.clients);
  const latencies: number[] = [];
  let errors = 0;
  const errorSamples: string[] = [];
  await simulatorCallCount(e, true);
  const idleRssMb = treeRssMb(options.serverPid);
  const memory = sampleMemory(options.serverPid, 250);
  const started = performance.now();
  const end = started + options.durationMs;
  const client = async (index: number) => {
    for (let i = 0; i < MAX_REQUESTS_PER_CLIENT && performance.now() < end; i++) {
      const query = SEARCHES[(index + i) % SEARCHES.length] as string;
      const { url, headers } = searchOf(e, query);
      const t = await timedGet(agent, url, headers);
      if (isOk(t)) {
        latencies.push(t.ms);
      } else {
        errors++;
        if (errorSamples.length < 5) errorSamples.push(`${query}: ${t.error ?? `HTTP ${t.status}`}`);
      }
    }
  };
  try {
    await Promise.all(Array.from({ length: options.clients }, (_, i) => client(i)));
  } finally {
    agent.destroy();
  }
  const elapsedS = (performance.now() - started) / 1000;
  const { peakMb, samples } = memory.stop();
  const upstreamCalls = await simulatorCallCount(e, false);
  const requests = latencies.length + errors;
  return {
    target,
    clients: options.clients,
    durationS: elapsedS,
    requests,
    requestsPerSecond: requests / elapsedS,
    latency: summarize(latencies),
    errors,
    errorSamples,
    idleRssMb,
    peakRssMb: peakMb,
    memorySamples: samples,
    upstreamCalls,
  };
}
