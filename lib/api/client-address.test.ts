import { describe, expect, it } from "vitest";
import { POST as moveOne } from "@/app/api/email-security/investigate/[id]/move/route";
import { auditList } from "@/lib/testing/audit";
import { useDemoSimulator } from "@/lib/testing/simulator";
import { callRoute, sessionCookie } from "@/lib/testing/routes";
import { clientAddress } from "./access";

process.env.TRUSTED_PROXY_HOPS = "1";
const { fx } = useDemoSimulator();

describe("the audit's client address behind one trusted proxy", () => {
  it("is the address the proxy saw, not what the client put before it", async () => {
    const res = await callRoute(moveOne, "/x", {
      params: { id: fx.deliveredId },
      body: { destination: "JunkEmail" },
      headers: { cookie: await sessionCookie("analyst", "ana@tests.test"), "x-forwarded-for": "10.6.6.6, 192.0.2.7" },
    });
    expect(res.status).toBe(200);
    expect((await auditList({ messageId: fx.deliveredId }))[0]).toMatchObject({ email: "ana@tests.test", ip: "192.0.2.7" });
  });

  it("is null when the request did not come through the proxy", () => {
    expect(clientAddress(new Request("http://x/", { headers: {} }))).toBeNull();
    expect(clientAddress(new Request("http://x/", { headers: { "x-forwarded-for": "not-an-ip" } }))).toBeNull();
  });
});
