import { describe, expect, it } from "vitest";
import { isSameOriginRequest, ownOrigins } from "./origin";

const post = (origin: string | null, site: string | null = "same-origin") =>
  new Request("http://localhost:3000/api/email-security/investigate/move", {
    method: "POST",
    headers: { ...(origin ? { origin } : {}), ...(site ? { "sec-fetch-site": site } : {}) },
  });

describe("the console's own origins", () => {
  // What `npm run dev` (next dev -H 127.0.0.1) and `npm start` leave in the environment.
  const demo = ownOrigins({ port: "3000", serverUrl: "http://127.0.0.1:3000" })!;

  it.each([
    ["the printed address", "http://127.0.0.1:3000", true],
    ["localhost, which Next.js reports as request.url", "http://localhost:3000", true],
    ["IPv6 loopback", "http://[::1]:3000", true],
    ["another port on the same machine", "http://127.0.0.1:3001", false],
    ["another site", "https://evil.example", false],
    ["a name that resolves to loopback (DNS rebinding)", "http://rebind.example:3000", false],
    ["https on the http port", "https://127.0.0.1:3000", false],
  ])("without NEXTAUTH_URL: %s (%s) → %s", (_, origin, accepted) => {
    expect(isSameOriginRequest(post(origin), demo)).toBe(accepted);
  });

  it("adds a LAN address Next.js printed beside the loopback names", () => {
    const origins = ownOrigins({ port: "3000", serverUrl: "http://192.0.2.7:3000" })!;
    expect([...origins].sort()).toEqual(
      ["http://127.0.0.1:3000", "http://192.0.2.7:3000", "http://[::1]:3000", "http://localhost:3000"].sort(),
    );
  });

  it("with NEXTAUTH_URL accepts its origin only, loopback included", () => {
    const origins = ownOrigins({ configuredUrl: "https://triage.example.test/", port: "3000", serverUrl: "http://127.0.0.1:3000" })!;
    expect([...origins]).toEqual(["https://triage.example.test"]);
    expect(isSameOriginRequest(post("https://triage.example.test"), origins)).toBe(true);
    expect(isSameOriginRequest(post("http://127.0.0.1:3000"), origins)).toBe(false);
    expect(isSameOriginRequest(post("http://localhost:3000"), origins)).toBe(false);
  });

  it("knows nothing before the server is bound or configured", () => {
    expect(ownOrigins({})).toBeNull();
    expect(ownOrigins({ port: "not-a-port" })).toBeNull();
  });

  it.each([
    ["no Origin header", null, "same-origin"],
    ["a cross-site fetch", "http://127.0.0.1:3000", "cross-site"],
    ["a same-site subdomain", "http://127.0.0.1:3000", "same-site"],
  ])("refuses %s even from an own origin", (_, origin, site) => {
    expect(isSameOriginRequest(post(origin, site), demo)).toBe(false);
  });
});
