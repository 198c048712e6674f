import { describe, expect, it } from "vitest";
import { scriptUrls } from "./bundle";

const ORIGIN = "http://127.0.0.1:3000";

describe("scriptUrls", () => {
  const cases: { name: string; html: string; expected: string[] }[] = [
    { name: "a script tag", html: `<script src="/_next/static/chunks/a.js" async=""></script>`, expected: ["/_next/static/chunks/a.js"] },
    { name: "a modulepreload link", html: `<link rel="modulepreload" href="/_next/static/chunks/b.js">`, expected: ["/_next/static/chunks/b.js"] },
    { name: "a preload-as-script link", html: `<link rel="preload" as="script" fetchPriority="low" href="/_next/static/chunks/c.js"/>`, expected: ["/_next/static/chunks/c.js"] },
    { name: "the same chunk twice counts once", html: `<link rel="preload" as="script" href="/_next/static/x.js"><script src="/_next/static/x.js"></script>`, expected: ["/_next/static/x.js"] },
    { name: "an escaped query string", html: `<script src="/_next/static/a.js?v=1&amp;w=2"></script>`, expected: ["/_next/static/a.js?v=1&w=2"] },
    { name: "an absolute URL on the same origin", html: `<script src="${ORIGIN}/_next/static/d.js"></script>`, expected: ["/_next/static/d.js"] },
    { name: "inline scripts, styles and fonts are not first-load JS", html: `<script nonce="n">self.__next_f=[]</script><link rel="preload" as="font" href="/_next/static/media/f.woff2"><link rel="stylesheet" href="/_next/static/css/s.css">`, expected: [] },
    { name: "other origins and paths are ignored", html: `<script src="https://cdn.example/_next/static/e.js"></script><script src="/public/f.js"></script>`, expected: [] },
  ];
  it.each(cases)("$name", ({ html, expected }) => {
    expect(scriptUrls(html, ORIGIN)).toEqual(expected);
  });
});
