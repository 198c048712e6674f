// The processes the benchmark starts (build, simulator, console) and their clean-up. Every child
// runs in its own process group so it can be stopped with everything it spawned (npx → sh → node),
// whether the run ends normally, throws, or is interrupted.
import { spawn, type ChildProcess } from "node:child_process";
import { createWriteStream, existsSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { join } from "node:path";

export const DIST_DIR = ".next-bench";

const cleanups: (() => Promise<void> | void)[] = [];

/** Registers work that must happen however the run ends; runs last-registered first. */
export function onCleanup(fn: () => Promise<void> | void): void {
  cleanups.push(fn);
}

let cleaning: Promise<void> | undefined;
export function cleanup(): Promise<void> {
  cleaning ??= (async () => {
    while (cleanups.length > 0) {
      const fn = cleanups.pop()!;
      try {
        await fn();
      } catch (error) {
        console.error("bench: clean-up step failed:", error);
      }
    }
  })();
  return cleaning;
}

const running = new Set<ChildProcess>();

function killGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.pid === undefined) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    // Already gone.
  }
}

/** Ctrl-C, a kill, or an uncaught error: stop the children before leaving. */
export function installSignalHandlers(): void {
  for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) {
    process.once(signal, () => {
      console.error(`\nbench: ${signal}, stopping the servers…`);
      void cleanup().finally(() => process.exit(130));
    });
  }
  // Last resort if the process exits without the async clean-up having run (e.g. process.exit elsewhere).
  process.on("exit", () => {
    for (const child of running) killGroup(child, "SIGKILL");
  });
}

/** A port nobody is listening on now: bind port 0 on loopback, read it, let it go. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => (port ? resolve(port) : reject(new Error("could not read the bound port"))));
    });
  });
}

export interface Started {
  child: ChildProcess;
  /** Resolves with the exit code (or signal) when the process group leader exits. */
  exited: Promise<string>;
  stop(): Promise<void>;
}

/** Starts `command` in its own process group, output appended to `logFile`. */
export function startProcess(name: string, command: string, args: string[], env: NodeJS.ProcessEnv, logFile: string): Started {
  const log = createWriteStream(logFile, { flags: "a" });
  log.write(`\n--- ${new Date().toISOString()} ${command} ${args.join(" ")}\n`);
  const child = spawn(command, args, { env, detached: true, stdio: ["ignore", "pipe", "pipe"] });
  child.stdout?.pipe(log, { end: false });
  child.stderr?.pipe(log, { end: false });
  running.add(child);
  const exited = new Promise<string>((resolve) => {
    child.once("exit", (code, signal) => {
      running.delete(child);
      resolve(signal ?? `exit code ${code}`);
    });
    child.once("error", (error) => {
      running.delete(child);
      resolve(`failed to start: ${error.message}`);
    });
  });
  let stopping: Promise<void> | undefined;
  const stop = () =>
    (stopping ??= (async () => {
      if (running.has(child)) {
        killGroup(child, "SIGTERM");
        const timer = new Promise<string>((resolve) => setTimeout(() => resolve("timeout"), 5_000).unref());
        if ((await Promise.race([exited, timer])) === "timeout") {
          console.error(`bench: ${name} did not stop within 5 s; killing it`);
        }
      }
      // npx's children may outlive it: always sweep the whole group.
      killGroup(child, "SIGKILL");
      log.end();
    })());
  onCleanup(stop);
  return { child, exited, stop };
}

/** Polls `url` until it answers `ok`, the process dies, or the deadline passes. */
export async function waitUntilUp(
  name: string,
  url: string,
  started: Started,
  timeoutMs: number,
  init: RequestInit = {},
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let exit: string | undefined;
  void started.exited.then((why) => (exit = why));
  let last = "no answer yet";
  while (Date.now() < deadline) {
    if (exit !== undefined) throw new Error(`${name} exited before it answered (${exit}); see its log in bench/results/`);
    try {
      const response = await fetch(url, { ...init, redirect: "manual", signal: AbortSignal.timeout(5_000) });
      await response.arrayBuffer();
      if (response.ok) return;
      last = `HTTP ${response.status}`;
    } catch (error) {
      last = error instanceof Error ? error.message : String(error);
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`${name} did not answer ${url} within ${Math.round(timeoutMs / 1000)} s (last: ${last})`);
}

/**
 * `next build` into `.next-bench`. Next adds its dist dir's type folders to tsconfig.json's
 * `include` and may rewrite next-env.d.ts; both are put back as they were (the working tree is
 * shared with other people, and `.next-bench/types` must not join their type-check).
 */
export async function build(env: NodeJS.ProcessEnv, logFile: string, timeoutMs: number): Promise<number> {
  const guarded = ["tsconfig.json", "next-env.d.ts"].filter((f) => existsSync(f)).map((file) => ({ file, text: readFileSync(file, "utf8") }));
  const restore = () => {
    for (const { file, text } of guarded) {
      const now = readFileSync(file, "utf8");
      if (now === text) continue;
      // Only undo what this build did: someone else may have edited the file meanwhile.
      if (onlyDistDirAdded(file, text, now)) {
        writeFileSync(file, text);
        console.log(`bench: restored ${file} after the build`);
      } else {
        console.warn(`bench: ${file} changed during the build in a way the build does not explain; left as is`);
      }
    }
  };
  onCleanup(restore);
  const started = performance.now();
  const proc = startProcess("next build", "npx", ["next", "build"], { ...env, NEXT_DIST_DIR: DIST_DIR }, logFile);
  const timer = setTimeout(() => void proc.stop(), timeoutMs);
  const result = await proc.exited;
  clearTimeout(timer);
  await proc.stop();
  restore();
  if (result !== "exit code 0") {
    throw new Error(`next build failed (${result}${result === "SIGTERM" ? `, after the ${Math.round(timeoutMs / 1000)} s limit` : ""}); see ${logFile}`);
  }
  return performance.now() - started;
}

function onlyDistDirAdded(file: string, before: string, after: string): boolean {
  if (file !== "tsconfig.json") return after.includes(DIST_DIR);
  try {
    const a = JSON.parse(before) as { include?: unknown[] };
    const b = JSON.parse(after) as { include?: unknown[] };
    b.include = b.include?.filter((entry) => !(typeof entry === "string" && entry.startsWith(`${DIST_DIR}/`)));
    return JSON.stringify(a) === JSON.stringify(b);
  } catch {
    return false;
  }
}

export function hasBuild(): boolean {
  return existsSync(join(DIST_DIR, "BUILD_ID"));
}

// ---- memory of a process tree, from /proc

function childrenByParent(): Map<number, number[]> {
  const map = new Map<number, number[]>();
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      // The command name may contain spaces and parentheses: fields resume after the last ')'.
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      const ppid = Number(fields[1]);
      const list = map.get(ppid) ?? [];
      list.push(Number(entry));
      map.set(ppid, list);
    } catch {
      // The process ended while we looked.
    }
  }
  return map;
}

/** Launchers (npx, sh) hold no server state; their memory is not the console's. */
function isLauncher(pid: number): boolean {
  try {
    const comm = readFileSync(`/proc/${pid}/comm`, "utf8").trim();
    return comm === "sh" || comm.startsWith("npm");
  } catch {
    return true;
  }
}

function rssKb(pid: number): number {
  try {
    const match = /^VmRSS:\s+(\d+)\s+kB/m.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
    return match ? Number(match[1]) : 0;
  } catch {
    return 0;
  }
}

/** Resident memory of `root` and all its descendants, launchers excluded, in MB. */
export function treeRssMb(root: number): number {
  const tree = childrenByParent();
  let kb = 0;
  const stack = [root];
  const seen = new Set<number>();
  while (stack.length > 0) {
    const pid = stack.pop()!;
    if (seen.has(pid)) continue;
    seen.add(pid);
    if (!isLauncher(pid)) kb += rssKb(pid);
    stack.push(...(tree.get(pid) ?? []));
  }
  return kb / 1024;
}

/** Samples `treeRssMb(root)` every `everyMs` until stopped; returns the peak and the last sample. */
export function sampleMemory(root: number, everyMs = 250): { stop(): { peakMb: number; samples: number } } {
  let peakMb = treeRssMb(root);
  let samples = 1;
  const timer = setInterval(() => {
    peakMb = Math.max(peakMb, treeRssMb(root));
    samples++;
  }, everyMs);
  return {
    stop() {
      clearInterval(timer);
      return { peakMb, samples };
    },
  };
}
