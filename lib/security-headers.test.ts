import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";
import { strictTransportSecurity } from "./security-headers";

process.env.NEXTAUTH_URL = "https://triage.example.test";
const { proxy } = await import("@/proxy");
const { GET: search } = await import("@/app/api/email-security/investigate/route");

describe("Strict-Transport-Security", () => {
  it.each([
    ["https://triage.example.test", "max-age=63072000; includeSubDomains"],
    ["http://127.0.0.1:3000", null],
    [undefined, null],
  ])("for NEXTAUTH_URL %s", (url, expected) => {
    expect(strictTransportSecurity(url)).toBe(expected);
  });

  it("is on every response of an https console: pages, the sign-in redirect, next-auth and the API", async () => {
    for (const path of ["/signin", "/messages?range=7d", "/api/auth/session"]) {
      const response = await proxy(new NextRequest(`https://triage.example.test${path}`));
      expect(response.headers.get("strict-transport-security"), path).toBe("max-age=63072000; includeSubDomains");
    }
    // The console's own API routes skip the proxy; their wrapper adds it, to refusals too.
    const refused = await search(new Request("https://triage.example.test/api/email-security/investigate"), { params: Promise.resolve({}) });
    expect(refused.status).toBe(401);
    expect(refused.headers.get("strict-transport-security")).toBe("max-age=63072000; includeSubDomains");
  });
});
