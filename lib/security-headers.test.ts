import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";
import { strictTransportSecurity } from "./security-headers";

process.env.NEXTAUTH_URL = "https://triage.example.test";
const { proxy } = await import("@/proxy");

describe("Strict-Transport-Security", () => {
  it.each([
    ["https://triage.example.test", "max-age=63072000; includeSubDomains"],
    ["http://127.0.0.1:3000", null],
    [undefined, null],
  ])("for NEXTAUTH_URL %s", (url, expected) => {
    expect(strictTransportSecurity(url)).toBe(expected);
  });

  it("is on every response of an https console: pages, the sign-in redirect and the API", async () => {
    for (const path of ["/signin", "/messages?range=7d", "/api/email-security/investigate"]) {
      const response = await proxy(new NextRequest(`https://triage.example.test${path}`));
      expect(response.headers.get("strict-transport-security"), path).toBe("max-age=63072000; includeSubDomains");
    }
  });
});
