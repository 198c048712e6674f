// The two sides of the house, worked out from the tree when ESLint starts (about 30 ms), so a new
// file is placed by what it says rather than by a list someone must remember to extend:
// - a server module is a file marked `import "server-only"`, or anything in the server rooms below;
// - browser code is every component, every "use client" file, and every module they import
//   (followed through `@/` and relative imports; `import type` is erased and not followed).
// eslint.config.mjs turns the pair into an import-x/no-restricted-paths zone.
import { existsSync, readFileSync, readdirSync } from "node:fs";
import path from "node:path";

const SOURCE = /\.(ts|tsx|mts)$/;
const NOT_SHIPPED = /\.test\.(ts|tsx)$|\.d\.ts$/;

// Rooms that only the server may enter, whether or not each file carries the marker.
const SERVER_ROOMS = ["lib/cloudflare", "lib/simulator", "lib/doctor", "lib/db", "lib/db.ts", "lib/env.ts", "lib/testing"];
// lib/cloudflare/types.ts is the SDK's types re-exported, imported with `import type` by about 20
// browser files; it holds no code. Giving the browser the console's own reply types is issue 23's
// contract item; until then it is the one door into lib/cloudflare the browser may use.
const SERVER_EXCEPTIONS = ["lib/cloudflare/types.ts"];

function walk(root, dir, out) {
  for (const entry of readdirSync(path.join(root, dir), { withFileTypes: true })) {
    const rel = path.join(dir, entry.name);
    if (entry.isDirectory()) walk(root, rel, out);
    else if (SOURCE.test(entry.name) && !NOT_SHIPPED.test(entry.name)) out.push(rel);
  }
  return out;
}

// Value imports and re-exports; `import type { … }`, `export type { … }` and imports whose every
// name is `type X` leave nothing at run time.
const IMPORT = /(?:^|\n)\s*(import|export)\s+(type\s+)?(?:([^;]*?)\s+from\s+)?["']([^"']+)["']/g;
const DYNAMIC = /import\(\s*["']([^"']+)["']\s*\)/g;

function valueSpecifiers(text) {
  const specifiers = [];
  for (const [, , typeOnly, clause, specifier] of text.matchAll(IMPORT)) {
    if (typeOnly) continue;
    const names = clause?.match(/^\{([^}]*)\}$/)?.[1];
    if (names && names.split(",").every((name) => !name.trim() || /^type\s/.test(name.trim()))) continue;
    specifiers.push(specifier);
  }
  for (const [, specifier] of text.matchAll(DYNAMIC)) specifiers.push(specifier);
  return specifiers;
}

function resolveLocal(root, from, specifier) {
  let base;
  if (specifier.startsWith("@/")) base = specifier.slice(2);
  else if (specifier.startsWith(".")) base = path.join(path.dirname(from), specifier);
  else return null;
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, `${base}/index.ts`, `${base}/index.tsx`]) {
    if (SOURCE.test(candidate) && existsSync(path.join(root, candidate))) return path.normalize(candidate);
  }
  return null;
}

const inRoom = (file, room) => file === room || file.startsWith(`${room}/`);

/** Server modules and browser files, as paths relative to `root`. */
export function layersOf(root) {
  const files = ["app", "components", "lib"].flatMap((dir) => walk(root, dir, []));
  const text = new Map(files.map((file) => [file, readFileSync(path.join(root, file), "utf8")]));
  const isServer = (file) =>
    !SERVER_EXCEPTIONS.includes(file) &&
    (SERVER_ROOMS.some((room) => inRoom(file, room)) || /^\s*import\s+["']server-only["']/m.test(text.get(file) ?? ""));
  const server = files.filter(isServer);

  const browser = new Set();
  const queue = files.filter((file) => inRoom(file, "components") || /^\s*["']use client["']/.test(text.get(file)));
  while (queue.length > 0) {
    const file = queue.pop();
    if (browser.has(file) || isServer(file)) continue; // the edge into a server module is what the rule reports
    browser.add(file);
    for (const specifier of valueSpecifiers(text.get(file) ?? readFileSync(path.join(root, file), "utf8"))) {
      const target = resolveLocal(root, file, specifier);
      if (target && !browser.has(target)) queue.push(target);
    }
  }
  return { server, browser: [...browser].sort() };
}
