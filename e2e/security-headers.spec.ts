import { expect, test } from "@playwright/test";

test("every page and API response carries the security headers; scripts run only with the page's nonce", async ({ page, request }) => {
  for (const path of ["/messages", "/bulk", "/audit", "/signin"]) {
    const response = await page.goto(path);
    const headers = response!.headers();
    const csp = headers["content-security-policy"] ?? "";
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
    expect(csp).not.toContain("unsafe-eval");
    const nonce = /'nonce-([^']+)'/.exec(csp)?.[1];
    expect(nonce, `nonce in the CSP of ${path}`).toBeTruthy();
    expect(headers["referrer-policy"]).toBe("same-origin");
    expect(headers["x-content-type-options"]).toBe("nosniff");
    expect(headers["permissions-policy"]).toContain("camera=()");
    // The e2e console is served over http: HSTS there would be ignored, or pin a mistake.
    expect(headers["strict-transport-security"]).toBeUndefined();
    // Every script Next rendered carries this response's nonce. Chunks loaded later (the search
    // page's overview, next/dynamic) are inserted by those trusted scripts, which is what
    // 'strict-dynamic' allows; they must still come from this origin's /_next/static.
    const html = await response!.text();
    const tags = html.match(/<script\b[^>]*>/gi) ?? [];
    expect(tags.length).toBeGreaterThan(0);
    for (const tag of tags) expect(/\snonce="([^"]*)"/.exec(tag)?.[1], tag).toBe(nonce);
    const later = await page.locator("script").evaluateAll((scripts) => scripts.filter((s) => !(s as HTMLScriptElement).nonce).map((s) => (s as HTMLScriptElement).src));
    for (const src of later) expect(new URL(src).pathname, src).toMatch(/^\/_next\/static\//);
    for (const src of later) expect(new URL(src).origin).toBe(new URL(page.url()).origin);
  }

  const api = await request.get("/api/email-security/investigate?per_page=1");
  expect(api.headers()["x-content-type-options"]).toBe("nosniff");
  expect(api.headers()["referrer-policy"]).toBe("same-origin");
});

test("a cross-site form post with a valid session cookie is refused", async ({ page }) => {
  // A page on another origin (the simulator's port) posting to the console with the user's cookie.
  const response = await page.request.post("/api/email-security/investigate/release", {
    headers: { origin: "http://127.0.0.1:1", "sec-fetch-site": "cross-site", "content-type": "application/json" },
    data: { ids: ["4Njp3P0STMz2c02Q-2026-11-20T10:00:00-12345678"] },
  });
  expect(response.status()).toBe(403);
  expect((await response.json()).error.message).toMatch(/cross-site/);
});
