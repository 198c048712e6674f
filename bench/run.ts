// `npm run bench [-- --no-build --duration 30 --clients 50 --requests 300 --rows 50,200 --no-browser]`
// Builds the console into .next-bench, starts it and the standalone simulator on free loopback
// ports, measures, writes bench/results/latest.json and prints a table. Not part of `npm test`.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { cpus, loadavg, platform, release, totalmem } from "node:os";
import { parseArgs } from "node:util";
import { hashPassword } from "../lib/auth/password-hashes";
import { chromium } from "@playwright/test";
import { measureInBrowser } from "./browser";
import { startRelay } from "./relay";
import { measureTriage } from "./triage";
import { measureFirstLoadJs } from "./bundle";
import type { Endpoints } from "./endpoints";
import { measureProxyOverhead } from "./latency";
import { runLoad, type LoadResult } from "./load";
import { signIn } from "./sign-in";
import { formatReport, toJson, type Report } from "./report";
import { DIST_DIR, build, cleanup, freePort, hasBuild, installSignalHandlers, onCleanup, startProcess, waitUntilUp } from "./servers";

const RESULTS = "bench/results";

// Fake, recognisable values: they only ever meet the simulator on loopback.
const ACCOUNT_ID = "0123456789abcdef0123456789abcdef";
const API_TOKEN = "fake-bench-token-0000";
const SECRET = "fake-bench-nextauth-secret-0000000000000";
const USER = { email: "bench@bench.test", password: "bench-pass" };

const USAGE = `npm run bench -- [options]
  --no-build          reuse the build in ${DIST_DIR} instead of running next build
  --duration <s>      load phase length in seconds (default 30)
  --clients <n>       concurrent clients in the load phase (default 50)
  --throughput <s>    seconds per run of the console-vs-direct throughput at 8 and 50 clients (default 10)
  --requests <n>      measured sequential searches per target for the proxy overhead (default 300)
  --warmup <n>        unmeasured searches per target before those (default 20)
  --rows <a,b>        page sizes for the browser's filter timing (default 50,200)
  --repeats <n>       browser repetitions per page size (default 20; the Raw tab gets 3)
  --tries <n>         timed list opens and j presses in the triage loop (default 20)
  --only <a,b>        run only these sections: overhead, load, throughput, js, browser, triage
  --no-browser        skip the Chromium measurements`;

function positiveInt(name: string, raw: string | undefined, fallback: number, max: number): number {
  if (raw === undefined) return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1 || n > max) {
    console.error(`--${name} must be a whole number from 1 to ${max}, got ${JSON.stringify(raw)}\n\n${USAGE}`);
    process.exit(2);
  }
  return n;
}

function options() {
  const { values } = parseArgs({
    options: {
      "no-build": { type: "boolean", default: false },
      "no-browser": { type: "boolean", default: false },
      duration: { type: "string" },
      clients: { type: "string" },
      throughput: { type: "string" },
      requests: { type: "string" },
      warmup: { type: "string" },
      rows: { type: "string" },
      repeats: { type: "string" },
      tries: { type: "string" },
      only: { type: "string" },
      help: { type: "boolean", short: "h", default: false },
    },
    strict: true,
  });
  if (values.help) {
    console.log(USAGE);
    process.exit(0);
  }
  const rows = (values.rows ?? "50,200").split(",").map((s) => positiveInt("rows", s.trim(), 50, 1000));
  const repeats = positiveInt("repeats", values.repeats, 20, 50);
  const sections = ["overhead", "load", "throughput", "js", "browser", "triage"] as const;
  const only = values.only?.split(",").map((x) => x.trim());
  const unknown = only?.filter((x) => !(sections as readonly string[]).includes(x)) ?? [];
  if (unknown.length > 0) {
    console.error(`--only: unknown section(s) ${unknown.join(", ")}\n\n${USAGE}`);
    process.exit(2);
  }
  const run = (section: (typeof sections)[number]) => !only || only.includes(section);
  return {
    run,
    tries: positiveInt("tries", values.tries, 20, 200),
    build: !values["no-build"],
    browser: !values["no-browser"],
    durationS: positiveInt("duration", values.duration, 30, 600),
    clients: positiveInt("clients", values.clients, 50, 500),
    throughputS: positiveInt("throughput", values.throughput, 10, 600),
    requests: positiveInt("requests", values.requests, 300, 10_000),
    warmup: positiveInt("warmup", values.warmup, 20, 1_000),
    rows,
    repeats,
    rawRepeats: Math.max(1, Math.min(repeats, 3)),
  };
}

function nextVersion(): string | null {
  try {
    return (JSON.parse(readFileSync("node_modules/next/package.json", "utf8")) as { version: string }).version;
  } catch {
    return null;
  }
}

async function getJson<T>(url: string, headers: Record<string, string> = {}): Promise<T> {
  const response = await fetch(url, { headers, signal: AbortSignal.timeout(30_000) });
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  return (await response.json()) as T;
}

async function main(): Promise<number> {
  const opts = options();
  installSignalHandlers();
  mkdirSync(RESULTS, { recursive: true });
  const runStarted = performance.now();
  const loadStart = loadavg()[0] ?? 0;
  const errors: Report["errors"] = [];
  const attempt = async <T>(section: string, fn: () => Promise<T>): Promise<T | null> => {
    console.log(`bench: ${section}…`);
    try {
      return await fn();
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      errors.push({ section, message });
      console.error(`bench: ${section} failed: ${message}`);
      return null;
    }
  };

  const baseEnv: NodeJS.ProcessEnv = {
    ...process.env,
    NEXT_DIST_DIR: DIST_DIR,
    NEXT_TELEMETRY_DISABLED: "1",
    CLOUDFLARE_API_TOKEN: API_TOKEN,
    CLOUDFLARE_ACCOUNT_ID: ACCOUNT_ID,
    NEXTAUTH_SECRET: SECRET,
    // Plain-text passwords are refused outside demo mode.
    CONSOLE_LOCAL_USERS: `${USER.email}:admin:${await hashPassword(USER.password)}`,
    DATABASE_URL: "./data/bench-audit.db",
    // Honest proxy numbers: no answers from the console's read cache, no rate limit in the way.
    READ_CACHE_MS: "0",
    UPSTREAM_READ_BUDGET: "100000",
    USER_READ_BUDGET: "100000",
    USER_READ_SHARE: "100000",
    // Replies say where their time went (auth, budget, parse, handler, serialize).
    TRIAGE_SERVER_TIMING: "1",
  };

  let buildS: number | null = null;
  if (opts.build) {
    console.log(`bench: next build into ${DIST_DIR} (log: ${RESULTS}/build.log)…`);
    buildS = (await build(baseEnv, `${RESULTS}/build.log`, 15 * 60_000)) / 1000;
  } else if (!hasBuild()) {
    throw new Error(`--no-build: there is no build in ${DIST_DIR}; run without --no-build once`);
  }

  const startupStarted = performance.now();
  const [simPort, consolePort] = [await freePort(), await freePort()];
  const simulatorUrl = `http://127.0.0.1:${simPort}`;
  const consoleUrl = `http://127.0.0.1:${consolePort}`;
  const simulator = startProcess("simulator", "npx", ["tsx", "lib/simulator/standalone.ts", "--port", String(simPort)], process.env, `${RESULTS}/simulator.log`);
  // Everything the console sends to "Cloudflare" passes the recording relay, which counts reads.
  const relay = await startRelay(simulatorUrl);
  onCleanup(() => relay.close());
  const server = startProcess(
    "console",
    "npx",
    ["next", "start", "-H", "127.0.0.1", "-p", String(consolePort)],
    { ...baseEnv, CLOUDFLARE_BASE_URL: `${relay.url}/client/v4`, NEXTAUTH_URL: consoleUrl },
    `${RESULTS}/console.log`,
  );
  await Promise.all([
    waitUntilUp("simulator", `${simulatorUrl}/__simulator/fixtures`, simulator, 60_000),
    waitUntilUp("console", `${consoleUrl}/signin`, server, 120_000),
  ]);
  const fixtures = (await getJson<{ result: { deliveredId: string; hugeId: string } }>(`${simulatorUrl}/__simulator/fixtures`)).result;

  const cookie = await signIn(consoleUrl, USER);
  const jwt = cookie.slice(cookie.indexOf("=") + 1);
  // "Direct" goes through the relay too: both paths pay its hop, so the difference is the console's.
  const endpoints: Endpoints = { consoleUrl, simulatorUrl: relay.url, accountId: ACCOUNT_ID, cookie, apiToken: API_TOKEN };
  const consoleApi = `${consoleUrl}/api/email-security/investigate`;
  // The session must work before anything is timed, or every figure would be a 401's.
  await getJson(`${consoleApi}?per_page=1`, { cookie: endpoints.cookie }).catch((error: unknown) => {
    throw new Error(`the minted session cookie was not accepted: ${error instanceof Error ? error.message : String(error)}`);
  });
  const startupS = (performance.now() - startupStarted) / 1000;
  console.log(`bench: console ${consoleUrl} (pid ${server.child.pid}), simulator ${simulatorUrl} — up in ${startupS.toFixed(1)} s`);

  const hugeMessageKb = await getJson<{ result: { raw: string } }>(
    `${simulatorUrl}/client/v4/accounts/${ACCOUNT_ID}/email-security/investigate/${encodeURIComponent(fixtures.hugeId)}/raw`,
    { authorization: `Bearer ${API_TOKEN}` },
  )
    .then((body) => Buffer.byteLength(body.result.raw) / 1024)
    .catch(() => null);

  const skipped = async () => null;
  const proxyOverhead = await attempt("proxy overhead", opts.run("overhead") ? () =>
    measureProxyOverhead(endpoints, { warmup: opts.warmup, requests: opts.requests, deadlineMs: 90_000 }) : skipped,
  );
  const load = await attempt(`load (${opts.clients} clients, ${opts.durationS} s)`, opts.run("load") ? () =>
    runLoad(endpoints, { clients: opts.clients, durationMs: opts.durationS * 1000, serverPid: server.child.pid! }) : skipped,
  );
  const throughput = await attempt(`throughput at 8 and 50 clients (${opts.throughputS} s each, console and direct)`, !opts.run("throughput") ? skipped : async () => {
    const runs: { clients: number; console: LoadResult; direct: LoadResult; ratio: number }[] = [];
    for (const clients of [8, 50]) {
      const durationMs = opts.throughputS * 1000;
      const viaConsole = await runLoad(endpoints, { clients, durationMs, serverPid: server.child.pid!, target: "console" });
      const direct = await runLoad(endpoints, { clients, durationMs, serverPid: simulator.child.pid!, target: "direct" });
      runs.push({ clients, console: viaConsole, direct, ratio: viaConsole.requestsPerSecond / direct.requestsPerSecond });
    }
    return runs;
  });
  const firstLoadJs = await attempt("first-load JavaScript", opts.run("js") ? () =>
    measureFirstLoadJs(consoleUrl, ["/messages", `/messages/${encodeURIComponent(fixtures.deliveredId)}`, "/bulk"], endpoints.cookie) : skipped,
  );
  const triage = opts.browser && opts.run("triage")
    ? await attempt(`triage loop (${opts.tries} opens and j presses)`, async () => {
        const chromiumBrowser = await chromium.launch({
          executablePath: existsSync("/usr/bin/chromium") ? "/usr/bin/chromium" : undefined,
          args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
        onCleanup(() => chromiumBrowser.close());
        try {
          return await measureTriage(chromiumBrowser, { consoleUrl, cookie: { name: "next-auth.session-token", value: jwt }, relay, tries: opts.tries });
        } finally {
          await chromiumBrowser.close();
        }
      })
    : null;
  const browser = opts.browser && opts.run("browser")
    ? await attempt("Chromium", () =>
        measureInBrowser(
          {
            consoleUrl,
            cookie: { name: "next-auth.session-token", value: jwt },
            hugeId: fixtures.hugeId,
            sizes: opts.rows,
            rowRepeats: opts.repeats,
            rawRepeats: opts.rawRepeats,
            relay,
            expect: async (query) => {
              const body = await getJson<{ result: { id: string }[] }>(`${consoleApi}?${query}`, { cookie: endpoints.cookie });
              return { count: body.result.length, firstId: body.result[0]?.id ?? null };
            },
          },
          (close) => onCleanup(close),
        ),
      )
    : null;
  for (const e of browser?.errors ?? []) errors.push({ section: `Chromium ${e.section}`, message: e.message });

  const cpuList = cpus();
  const report: Report = {
    machine: {
      date: new Date().toISOString(),
      node: process.version,
      next: nextVersion(),
      chromium: browser?.version ?? null,
      platform: `${platform()} ${release()}`,
      cpus: cpuList.length,
      cpuModel: cpuList[0]?.model ?? null,
      memoryGb: totalmem() / 1024 ** 3,
      loadAverage: { start: loadStart, end: loadavg()[0] ?? 0 },
    },
    options: opts,
    timingsS: { build: buildS, startup: startupS, total: (performance.now() - runStarted) / 1000 },
    proxyOverhead,
    load,
    throughput,
    firstLoadJs,
    triage,
    browser,
    hugeMessageKb,
    errors,
    pass: errors.length === 0 && (load === null ? !opts.run("load") : load.errors === 0),
  };
  writeFileSync(`${RESULTS}/latest.json`, `${JSON.stringify(toJson(report), null, 2)}\n`);
  console.log(`\n${formatReport(report)}\n\nbench: wrote ${RESULTS}/latest.json`);
  return report.pass ? 0 : 1;
}

main()
  .then(async (code) => {
    await cleanup();
    process.exit(code);
  })
  .catch(async (error: unknown) => {
    console.error(`bench: ${error instanceof Error ? error.message : String(error)}`);
    await cleanup();
    process.exit(1);
  });
