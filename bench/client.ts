// A minimal keep-alive HTTP client on node:http: the same client times the console and the
// simulator, so the difference between them is the console's work, not the client's.
import { Agent, request } from "node:http";

export interface Timed {
  status: number;
  ms: number;
  bytes: number;
  /** Set when the request failed below HTTP (refused, reset, timed out). */
  error?: string;
  /** The reply's Server-Timing header, when it had one. */
  serverTiming?: string;
}

export function keepAliveAgent(maxSockets: number): Agent {
  return new Agent({ keepAlive: true, maxSockets, maxFreeSockets: maxSockets });
}

/** GET `url` and read the whole body; never rejects, never waits longer than `timeoutMs`. */
export function timedGet(agent: Agent, url: string, headers: Record<string, string>, timeoutMs = 15_000): Promise<Timed> {
  const started = performance.now();
  return new Promise((resolve) => {
    let settled = false;
    const done = (result: Omit<Timed, "ms">) => {
      if (settled) return;
      settled = true;
      resolve({ ...result, ms: performance.now() - started });
    };
    const req = request(url, { agent, headers, timeout: timeoutMs }, (res) => {
      let bytes = 0;
      res.on("data", (chunk: Buffer) => (bytes += chunk.length));
      const serverTiming = res.headers["server-timing"];
      res.on("end", () => done({ status: res.statusCode ?? 0, bytes, ...(typeof serverTiming === "string" ? { serverTiming } : {}) }));
      res.on("error", (error) => done({ status: res.statusCode ?? 0, bytes, error: error.message }));
    });
    req.on("timeout", () => req.destroy(new Error(`no answer within ${timeoutMs} ms`)));
    req.on("error", (error) => done({ status: 0, bytes: 0, error: error.message }));
    req.end();
  });
}

export function isOk(t: Timed): boolean {
  return !t.error && t.status >= 200 && t.status < 300;
}
