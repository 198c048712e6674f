// First-load JavaScript of every page, read from a build's own manifests (sizes, not times, so
// the figure is the same on every machine): the App Router's runtime every page loads
// (`rootMainFiles`) plus the chunks each layout and page of the route names in its client
// reference manifest (`entryJSFiles`). Uncompressed bytes, as the browser parses them.
//
// `tsx bench/first-load.ts [distDir]` prints the table and fails when a page is more than
// BUDGET_TOLERANCE over the budget recorded in bench/first-load-budget.json; `--write` records
// the current sizes as the new budget (after a deliberate change, in the same commit).
// e2e/build.ts runs the check after every e2e build, so `npm test` fails on a grown bundle.
import { existsSync, readFileSync, readdirSync, statSync, writeFileSync } from "node:fs";
import { join, relative, sep } from "node:path";

export const BUDGET_FILE = "bench/first-load-budget.json";
/** Growth allowed over the recorded budget before the check fails. */
export const BUDGET_TOLERANCE = 0.05;

export interface FirstLoad {
  /** The runtime alone: what a bare Next.js page of this build loads before any app code. */
  bareBytes: number;
  /** Route ("/messages/[id]") → bytes. */
  pages: Record<string, number>;
}

export interface Budget {
  recorded: string;
  bareKiB: number;
  pagesKiB: Record<string, number>;
}

function walk(dir: string, found: string[] = []): string[] {
  for (const entry of readdirSync(dir)) {
    const full = join(dir, entry);
    if (statSync(full).isDirectory()) walk(full, found);
    else if (entry === "page_client-reference-manifest.js") found.push(full);
  }
  return found;
}

/** "/(console)/messages/[id]" → "/messages/[id]": route groups are not in the URL. */
export function routeOf(manifestDir: string): string {
  const parts = manifestDir.split("/").filter((p) => p && !(p.startsWith("(") && p.endsWith(")")));
  return `/${parts.join("/")}`;
}

/** The JSON object a client reference manifest assigns (`globalThis.__RSC_MANIFEST[…] = {…}`). */
export function entryFiles(manifestSource: string): string[] {
  const start = manifestSource.indexOf("= {");
  const end = manifestSource.lastIndexOf("}");
  if (start < 0 || end < start) throw new Error("not a client reference manifest");
  const manifest = JSON.parse(manifestSource.slice(start + 2, end + 1)) as { entryJSFiles?: Record<string, string[]> };
  return [...new Set(Object.values(manifest.entryJSFiles ?? {}).flat())];
}

export function measureBuild(distDir: string): FirstLoad {
  const buildManifest = JSON.parse(readFileSync(join(distDir, "build-manifest.json"), "utf8")) as { rootMainFiles: string[] };
  const size = (file: string) => statSync(join(distDir, file)).size;
  const root = new Set(buildManifest.rootMainFiles);
  const pages: Record<string, number> = {};
  const appDir = join(distDir, "server", "app");
  for (const manifest of walk(appDir)) {
    const route = routeOf(relative(appDir, manifest).split(sep).slice(0, -1).join("/"));
    // Next's own error pages are not the console's.
    if (route.startsWith("/_")) continue;
    const files = new Set([...root, ...entryFiles(readFileSync(manifest, "utf8"))]);
    pages[route] = [...files].reduce((sum, f) => sum + size(f), 0);
  }
  return { bareBytes: [...root].reduce((sum, f) => sum + size(f), 0), pages };
}

const kib = (bytes: number) => Math.round((bytes / 1024) * 10) / 10;

/** Pages more than the tolerance over their budget, and pages the budget does not know. */
export function overBudget(measured: FirstLoad, budget: Budget, tolerance = BUDGET_TOLERANCE): string[] {
  const problems: string[] = [];
  for (const [route, bytes] of Object.entries(measured.pages)) {
    const allowed = budget.pagesKiB[route];
    if (allowed === undefined) problems.push(`${route}: ${kib(bytes)} KiB has no budget in ${BUDGET_FILE} (record one with --write)`);
    else if (bytes / 1024 > allowed * (1 + tolerance)) {
      problems.push(`${route}: ${kib(bytes)} KiB is more than ${Math.round(tolerance * 100)}% over its budget of ${allowed} KiB`);
    }
  }
  return problems;
}

export function formatFirstLoad(measured: FirstLoad, budget: Budget | null): string {
  const rows = Object.entries(measured.pages).sort(([a], [b]) => a.localeCompare(b));
  const lines = [`bare Next.js page (runtime only): ${kib(measured.bareBytes)} KiB`];
  for (const [route, bytes] of rows) {
    const allowed = budget?.pagesKiB[route];
    lines.push(
      `${route.padEnd(22)} ${String(kib(bytes)).padStart(7)} KiB  ${(bytes / measured.bareBytes).toFixed(2)}× bare${allowed !== undefined ? `  (budget ${allowed} KiB)` : ""}`,
    );
  }
  return lines.join("\n");
}

export function readBudget(file = BUDGET_FILE): Budget | null {
  return existsSync(file) ? (JSON.parse(readFileSync(file, "utf8")) as Budget) : null;
}

/** Prints the sizes and returns the problems (none when within budget). */
export function checkFirstLoad(distDir: string, file = BUDGET_FILE): string[] {
  const measured = measureBuild(distDir);
  const budget = readBudget(file);
  console.log(`First-load JavaScript (${distDir}):\n${formatFirstLoad(measured, budget)}`);
  if (!budget) return [`no budget recorded in ${file} (record one with --write)`];
  return overBudget(measured, budget);
}

if (process.argv[1]?.endsWith("first-load.ts")) {
  const args = process.argv.slice(2);
  const distDir = args.find((a) => !a.startsWith("--")) ?? process.env.NEXT_DIST_DIR ?? ".next";
  if (args.includes("--write")) {
    const measured = measureBuild(distDir);
    const budget: Budget = {
      recorded: new Date().toISOString().slice(0, 10),
      bareKiB: kib(measured.bareBytes),
      pagesKiB: Object.fromEntries(Object.entries(measured.pages).sort(([a], [b]) => a.localeCompare(b)).map(([r, b]) => [r, kib(b)])),
    };
    writeFileSync(BUDGET_FILE, `${JSON.stringify(budget, null, 2)}\n`);
    console.log(`${formatFirstLoad(measured, budget)}\nwrote ${BUDGET_FILE}`);
  } else {
    const problems = checkFirstLoad(distDir);
    for (const p of problems) console.error(`over budget: ${p}`);
    process.exit(problems.length ? 1 : 0);
  }
}
