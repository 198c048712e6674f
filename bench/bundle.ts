// First-load JavaScript of a page: every script the HTML asks for under /_next/static (script
// tags, modulepreload and preload-as-script links), each downloaded once and gzipped at level 9.
import { gzipSync } from "node:zlib";

export interface PageBundle {
  page: string;
  scripts: number;
  rawKb: number;
  gzipKb: number;
}

const TAG = /<(script|link)\b[^>]*>/gi;

function attribute(tag: string, name: string): string | undefined {
  const match = new RegExp(`\\s${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s>]+))`, "i").exec(tag);
  return match ? (match[1] ?? match[2] ?? match[3]) : undefined;
}

/** Script URLs (path and query) the page's HTML loads from /_next/static. */
export function scriptUrls(html: string, origin: string): string[] {
  const found = new Set<string>();
  for (const [tag, kind] of html.matchAll(TAG)) {
    let src: string | undefined;
    if (kind?.toLowerCase() === "script") {
      src = attribute(tag, "src");
    } else {
      const rel = attribute(tag, "rel")?.toLowerCase();
      const as = attribute(tag, "as")?.toLowerCase();
      if (rel === "modulepreload" || (rel === "preload" && as === "script")) src = attribute(tag, "href");
    }
    if (!src) continue;
    const url = new URL(src.replaceAll("&amp;", "&"), origin);
    if (url.origin === origin && url.pathname.startsWith("/_next/static/")) found.add(`${url.pathname}${url.search}`);
  }
  return [...found];
}

export async function measureFirstLoadJs(origin: string, pages: string[], cookie: string): Promise<PageBundle[]> {
  const sizes = new Map<string, Promise<{ raw: number; gzip: number }>>();
  const download = (path: string) => {
    let size = sizes.get(path);
    if (!size) {
      size = (async () => {
        const response = await fetch(`${origin}${path}`, { signal: AbortSignal.timeout(15_000) });
        if (!response.ok) throw new Error(`${path}: HTTP ${response.status}`);
        const body = Buffer.from(await response.arrayBuffer());
        return { raw: body.length, gzip: gzipSync(body, { level: 9 }).length };
      })();
      sizes.set(path, size);
    }
    return size;
  };
  const results: PageBundle[] = [];
  for (const page of pages) {
    const response = await fetch(`${origin}${page}`, { headers: { cookie }, redirect: "manual", signal: AbortSignal.timeout(30_000) });
    const html = await response.text();
    if (response.status !== 200) throw new Error(`${page}: HTTP ${response.status}${response.headers.get("location") ? ` → ${response.headers.get("location")}` : ""}`);
    const urls = scriptUrls(html, origin);
    if (urls.length === 0) throw new Error(`${page}: no scripts under /_next/static in the HTML`);
    const each = await Promise.all(urls.map(download));
    results.push({
      page,
      scripts: urls.length,
      rawKb: each.reduce((s, x) => s + x.raw, 0) / 1024,
      gzipKb: each.reduce((s, x) => s + x.gzip, 0) / 1024,
    });
  }
  return results;
}
