// Test support: Stoplight Prism serving the OpenAPI description on loopback. Prism builds its
// replies and checks our requests from the description alone, so it shares none of the beliefs
// our own simulator (lib/simulator) and the console have in common.
import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

/** The repository's copy of Cloudflare's description, the one the simulator is checked against too. */
export const DESCRIPTION_PATH = fileURLToPath(new URL("../simulator/email-security-investigate.openapi.json", import.meta.url));
/** The repository's copy of the settings description: blocked senders, allow policies, submissions, PhishGuard. */
export const SETTINGS_DESCRIPTION_PATH = fileURLToPath(new URL("../simulator/email-security-settings.openapi.json", import.meta.url));

const HOST = "127.0.0.1";
const READY_TIMEOUT_MS = 30_000;
const STOP_TIMEOUT_MS = 5_000;
const OUTPUT_LIMIT = 20_000;

export interface Prism {
  /** Where the SDK should send requests: Prism serves the description's paths without the `/client/v4` prefix. */
  baseURL: string;
  /** Prism's own log (capped), for a failure message. */
  output(): string;
  /** Ends the process and removes its temporary files; safe to call twice. */
  stop(): Promise<void>;
}

export interface PrismOptions {
  /** The description to serve (default: the repository's copy). */
  description?: object;
  /**
   * Dynamic mode: replies are generated from the schemas (json-schema-faker) rather than taken from
   * the description's examples, so optional, nullable and enum variety shows. Seeded, so a failing
   * reply can be replayed; a request may name its own seed (`Prefer: seed=…`).
   */
  seed: string;
}

/**
 * Prism's generator fills every optional property unless the document says otherwise (its
 * documented `x-json-schema-faker` extension, which changes no schema): a real reply leaves many
 * out, so half of them are left out here, chosen by the seed.
 */
const GENERATOR_OPTIONS = { alwaysFakeOptionals: false, optionalsProbability: 0.5 };

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, HOST, () => {
      const address = server.address();
      server.close(() => (typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port"))));
    });
  });
}

const prismCli = () => createRequire(import.meta.url).resolve("@stoplight/prism-cli/dist/index.js");

/**
 * Starts Prism on 127.0.0.1 and a free port, and resolves once it answers HTTP. The port is free
 * when chosen but could be taken before Prism binds it; then Prism exits and we try another.
 */
export async function startPrism(options: PrismOptions): Promise<Prism> {
  const dir = mkdtempSync(path.join(tmpdir(), "triage-prism-"));
  const file = path.join(dir, "description.json");
  const description = options.description ?? JSON.parse(readFileSync(DESCRIPTION_PATH, "utf8"));
  writeFileSync(file, JSON.stringify({ ...description, "x-json-schema-faker": GENERATOR_OPTIONS }));
  let lastError: unknown;
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      return await launch(file, options.seed, () => rmSync(dir, { recursive: true, force: true }));
    } catch (err) {
      lastError = err;
    }
  }
  rmSync(dir, { recursive: true, force: true });
  throw lastError;
}

async function launch(file: string, seed: string, cleanUp: () => void): Promise<Prism> {
  const port = await freePort();
  const child = spawn(
    process.execPath,
    [prismCli(), "mock", file, "--host", HOST, "--port", String(port), "--dynamic", "--seed", seed, "--verboseLevel", "warn"],
    { stdio: ["ignore", "pipe", "pipe"], env: { ...process.env, NO_COLOR: "1", FORCE_COLOR: "0" } },
  );
  let log = "";
  const collect = (chunk: Buffer) => {
    log = (log + chunk.toString()).slice(-OUTPUT_LIMIT);
  };
  child.stdout.on("data", collect);
  child.stderr.on("data", collect);
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  let running = true;
  void exited.then(() => (running = false));
  // A worker that dies without running its afterAll must not leave Prism behind.
  const killOnExit = () => child.kill("SIGKILL");
  process.once("exit", killOnExit);

  const stop = async () => {
    process.removeListener("exit", killOnExit);
    if (running) {
      child.kill("SIGTERM");
      const timer = setTimeout(() => child.kill("SIGKILL"), STOP_TIMEOUT_MS);
      await exited;
      clearTimeout(timer);
    }
    cleanUp();
  };

  const baseURL = `http://${HOST}:${port}`;
  const deadline = Date.now() + READY_TIMEOUT_MS;
  // Ready means it answers HTTP at all: an unknown path gets Prism's 404 problem document.
  while (running && Date.now() < deadline) {
    try {
      await fetch(`${baseURL}/__ready`, { signal: AbortSignal.timeout(1_000) });
      return { baseURL, output: () => log, stop };
    } catch {
      await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 100))]);
    }
  }
  process.removeListener("exit", killOnExit);
  if (running) {
    child.kill("SIGKILL");
    await exited;
  }
  throw new Error(`Prism did not start on ${baseURL}:\n${log}`);
}
