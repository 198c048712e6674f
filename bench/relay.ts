// A recording relay between the console and the simulator: every request the console sends
// "to Cloudflare" passes through here and is written down (method, operation, when), then
// forwarded unchanged. The journey counts what reached Cloudflare per step from this log, the way
// the account's budget would.
import { createServer, request, type IncomingMessage, type Server } from "node:http";

export interface RelayCall {
  at: number;
  method: string;
  /** The path below `/accounts/{id}/email-security/`, without the query ("investigate/{id}/detections"). */
  operation: string;
  /** Request in → reply sent, in ms (NaN until the reply has ended): the upstream's own time. */
  ms: number;
}

export interface Relay {
  url: string;
  calls: RelayCall[];
  /** Calls since `mark` (a length of `calls` read earlier). */
  since(mark: number): RelayCall[];
  close(): Promise<void>;
}

/** "investigate/abc/detections" → "investigate/{id}/detections": the operation, not the message. */
export function operationOf(path: string): string {
  const below = path.replace(/^.*?\/email-security\//, "").split("?")[0] ?? "";
  const parts = below.split("/");
  if (parts[0] === "investigate" && parts[1] && !["move", "release", "preview", "bulk"].includes(parts[1])) parts[1] = "{id}";
  if (parts[0] === "settings" && parts[2]) parts[2] = "{id}";
  return parts.join("/");
}

/** Reads are what the budget counts: GETs, and a search's polls. */
export const isRead = (call: RelayCall) => call.method === "GET";

export function startRelay(target: string): Promise<Relay> {
  const upstream = new URL(target);
  const calls: RelayCall[] = [];
  const server: Server = createServer((req: IncomingMessage, res) => {
    const call: RelayCall = { at: performance.now(), method: req.method ?? "GET", operation: operationOf(req.url ?? ""), ms: Number.NaN };
    if (req.url?.includes("/email-security/")) calls.push(call);
    res.on("finish", () => (call.ms = performance.now() - call.at));
    const forward = request(
      { host: upstream.hostname, port: upstream.port, method: req.method, path: req.url, headers: { ...req.headers, host: upstream.host } },
      (reply) => {
        res.writeHead(reply.statusCode ?? 502, reply.headers);
        reply.pipe(res);
      },
    );
    forward.on("error", (error) => {
      res.writeHead(502, { "content-type": "text/plain" });
      res.end(`relay: ${error.message}`);
    });
    req.pipe(forward);
  });
  server.keepAliveTimeout = 60_000;
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      resolve({
        url: `http://127.0.0.1:${port}`,
        calls,
        since: (mark) => calls.slice(mark),
        close: () => new Promise((done) => server.close(() => done())),
      });
    });
  });
}
