// Bridges node:http to the simulator's fetch-style handler, so end-to-end tests and benchmarks
// talk to it over a real socket, exactly as the console talks to api.cloudflare.com.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { Readable } from "node:stream";
import type { Simulator } from "./index";

export interface RunningServer {
  server: Server;
  /** Base URL to hand to the SDK, e.g. http://127.0.0.1:8787/client/v4 */
  baseUrl: string;
  close(): Promise<void>;
}

function toRequest(req: IncomingMessage, res: ServerResponse, origin: string): Request {
  // Abort the handler's work (e.g. a `timeout` fault) when the client goes away.
  const controller = new AbortController();
  res.on("close", () => {
    if (!res.writableFinished) controller.abort();
  });
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (Array.isArray(value)) value.forEach((v) => headers.append(name, v));
    else if (value !== undefined) headers.set(name, value);
  }
  const method = req.method ?? "GET";
  const hasBody = method !== "GET" && method !== "HEAD";
  return new Request(new URL(req.url ?? "/", origin), {
    method,
    headers,
    signal: controller.signal,
    ...(hasBody ? { body: Readable.toWeb(req) as ReadableStream, duplex: "half" } : {}),
  } as RequestInit);
}

async function send(response: Response, res: ServerResponse): Promise<void> {
  const headers: Record<string, string> = {};
  response.headers.forEach((value, key) => {
    headers[key] = value;
  });
  res.writeHead(response.status, headers);
  res.end(Buffer.from(await response.arrayBuffer()));
}

export function startSimulatorServer(simulator: Simulator, options: { host?: string; port?: number } = {}): Promise<RunningServer> {
  const host = options.host ?? "127.0.0.1";
  const server = createServer((req, res) => {
    const origin = `http://${req.headers.host ?? host}`;
    simulator
      .handle(toRequest(req, res, origin))
      .then((response) => (res.destroyed ? undefined : send(response, res)))
      .catch((error: unknown) => {
        console.error("[simulator] request failed", error);
        if (!res.headersSent) res.writeHead(500, { "content-type": "application/json" });
        res.end(JSON.stringify({ success: false, errors: [{ code: 1100, message: "Internal server error" }], messages: [], result: null }));
      });
  });
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 8787, host, () => {
      const { port } = server.address() as AddressInfo;
      resolve({
        server,
        baseUrl: `http://${host}:${port}/client/v4`,
        close: () =>
          new Promise<void>((done) => {
            server.closeAllConnections();
            server.close(() => done());
          }),
      });
    });
  });
}
