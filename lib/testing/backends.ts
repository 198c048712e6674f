// PostgreSQL and Redis for the tests that must run on both backends. CI (`.ci/run`) starts them
// once and exports TEST_DATABASE_URL / TEST_REDIS_URL; without those, a test file starts its own
// throwaway servers on loopback from Debian's binaries, and fails loudly when it cannot (a
// skipped backend would be a test that cannot fail).
import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, rmSync, chmodSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { randomBytes } from "node:crypto";
import pg from "pg";

/** A port nothing listens on now, on loopback. */
export async function freePortForTests(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

function postgresBin(name: string): string {
  const root = "/usr/lib/postgresql";
  const versions = existsSync(root) ? readdirSync(root).sort((a, b) => Number(b) - Number(a)) : [];
  for (const v of versions) if (existsSync(join(root, v, "bin", name))) return join(root, v, "bin", name);
  throw new Error(`TEST_DATABASE_URL is not set and PostgreSQL's ${name} is not installed (apt-get install postgresql, or run .ci/run)`);
}

const asRoot = process.getuid?.() === 0;
/** initdb and postgres refuse to run as root: run them as Debian's postgres user then. */
function runAsDb(bin: string, args: string[]): [string, string[]] {
  return asRoot ? ["runuser", ["-u", "postgres", "--", bin, ...args]] : [bin, args];
}

async function waitFor(check: () => Promise<boolean>, what: string, ms = 20_000): Promise<void> {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    if (await check().catch(() => false)) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${what} did not start within ${ms} ms`);
}

export interface TestServer {
  url: string;
  stop(): Promise<void>;
}

/** A PostgreSQL server URL (its `postgres` database), from TEST_DATABASE_URL or started here. */
export async function startPostgres(): Promise<TestServer> {
  if (process.env.TEST_DATABASE_URL) return { url: process.env.TEST_DATABASE_URL, stop: async () => {} };
  const dir = mkdtempSync(join(tmpdir(), "triage-pg-"));
  chmodSync(dir, 0o777);
  const data = join(dir, "data");
  const [initdb, initArgs] = runAsDb(postgresBin("initdb"), ["-D", data, "-A", "trust", "-U", "postgres", "--no-sync"]);
  execFileSync(initdb, initArgs, { stdio: "ignore" });
  const port = await freePortForTests();
  const [postgres, args] = runAsDb(postgresBin("postgres"), [
    "-D", data, "-p", String(port), "-k", dir, "-c", "listen_addresses=127.0.0.1", "-c", "fsync=off",
  ]);
  const child = spawn(postgres, args, { stdio: "ignore" });
  const url = `postgres://postgres@127.0.0.1:${port}/postgres`;
  await waitFor(async () => {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    await client.end();
    return true;
  }, "PostgreSQL");
  return {
    url,
    async stop() {
      await stopChild(child);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A fresh, empty database on that server for one test file (dropped by the returned function). */
export async function freshDatabase(serverUrl: string): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `triage_test_${randomBytes(6).toString("hex")}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      const client = new pg.Client({ connectionString: serverUrl });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await client.end();
    },
  };
}

/** A Redis URL, from TEST_REDIS_URL or a redis-server started here (no persistence). */
export async function startRedis(port?: number): Promise<TestServer & { port: number; restart(): Promise<void>; pause(): Promise<void> }> {
  if (process.env.TEST_REDIS_URL && port === undefined) {
    const url = process.env.TEST_REDIS_URL;
    const nope = async () => {
      throw new Error("a shared TEST_REDIS_URL cannot be stopped by one test: start one of your own (startRedis(port))");
    };
    return { url, port: Number(new URL(url).port), stop: async () => {}, restart: nope, pause: nope };
  }
  const bin = ["/usr/bin/redis-server", "/usr/local/bin/redis-server"].find(existsSync);
  if (!bin) throw new Error("TEST_REDIS_URL is not set and redis-server is not installed (apt-get install redis-server, or run .ci/run)");
  const chosen = port ?? (await freePortForTests());
  let child: ChildProcess | undefined;
  const start = async () => {
    child = spawn(bin, ["--port", String(chosen), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"], { stdio: "ignore" });
    const { default: Redis } = await import("ioredis");
    await waitFor(async () => {
      const probe = new Redis({ port: chosen, host: "127.0.0.1", lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
      probe.on("error", () => {}); // not up yet: the next probe will tell
      try {
        await probe.connect();
        return (await probe.ping()) === "PONG";
      } finally {
        probe.disconnect();
      }
    }, "redis-server");
  };
  await start();
  return {
    url: `redis://127.0.0.1:${chosen}`,
    port: chosen,
    stop: async () => child && stopChild(child),
    pause: async () => child && stopChild(child),
    restart: start,
  };
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once("exit", () => resolve());
    child.kill("SIGTERM");
  });
}
