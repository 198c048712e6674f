// The doctor's token check against Cloudflare's two "Verify Token" operations, which neither the
// simulator nor the Email Security descriptions have: a loopback front answers them the way
// Cloudflare documents (developers.cloudflare.com/fundamentals/api/troubleshooting) and passes
// everything else to the simulator.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createSimulator } from "@/lib/simulator";
import { startSimulatorServer, type RunningServer } from "@/lib/simulator/http-server";
import { exitCode, formatReport } from "./report";
import { byId, doctorAgainst, FAKE_ACCOUNT_ID, FAKE_TOKEN } from "./test-helpers";

type Door = { status: number; body: unknown };
const active = (extra: object = {}): Door => ({
  status: 200,
  body: { success: true, errors: [], messages: [], result: { id: "f267e341f3dd4697bd3b9f71dd96247f", status: "active", ...extra } },
});
const invalid: Door = { status: 401, body: { success: false, errors: [{ code: 1000, message: "Invalid API Token" }], messages: [], result: null } };

const sim = createSimulator({ seed: 5, messageCount: 200, token: FAKE_TOKEN });
let simulator: RunningServer;
let front: Server;
let baseURL: string;
let doors: { account: Door; user: Door };
const asked: string[] = [];

beforeAll(async () => {
  simulator = await startSimulatorServer(sim, { port: 0 });
  front = createServer((req, res) => {
    const path = req.url ?? "";
    const door = path === `/client/v4/accounts/${FAKE_ACCOUNT_ID}/tokens/verify` ? doors.account : path === "/client/v4/user/tokens/verify" ? doors.user : null;
    if (door) {
      asked.push(path.includes("/user/") ? "user" : "account");
      res.writeHead(door.status, { "content-type": "application/json" }).end(JSON.stringify(door.body));
      return;
    }
    // Everything else is a GET (the doctor never writes): pass it on as it came.
    void fetch(`${simulator.baseUrl.replace("/client/v4", "")}${path}`, { headers: { authorization: req.headers.authorization ?? "" } }).then(async (upstream) => {
      res.writeHead(upstream.status, { "content-type": upstream.headers.get("content-type") ?? "application/json" }).end(Buffer.from(await upstream.arrayBuffer()));
    });
  });
  await new Promise<void>((resolve) => front.listen(0, "127.0.0.1", resolve));
  baseURL = `http://127.0.0.1:${(front.address() as AddressInfo).port}/client/v4`;
});
afterAll(async () => {
  front.closeAllConnections();
  await new Promise((resolve) => front.close(resolve));
  await simulator.close();
});
beforeEach(() => {
  asked.length = 0;
  sim.clearCalls();
});

describe("npm run doctor: the token", () => {
  it("an account-owned token is verified at the account, in one read", async () => {
    doors = { account: active({ expires_on: "2099-01-01T00:00:00Z" }), user: invalid };
    const report = await doctorAgainst(baseURL);
    expect(byId(report).token).toMatchObject({ verdict: "ok", status: 200, request: "GET /accounts/{account}/tokens/verify", note: "active until 2099-01-01T00:00:00Z" });
    expect(asked).toEqual(["account"]);
    expect(exitCode(report)).toBe(0);
    // One token check, then every Email Security read.
    expect(report.reads).toBe(1 + sim.calls().length);
  });

  it("a user token is verified at /user once the account's check refuses it", async () => {
    doors = { account: invalid, user: active() };
    const report = await doctorAgainst(baseURL);
    expect(byId(report).token).toMatchObject({ verdict: "ok", request: "GET /user/tokens/verify" });
    expect(asked).toEqual(["account", "user"]);
    expect(exitCode(report)).toBe(0);
  });

  it("a token neither check accepts: refused, with Cloudflare's words, and nothing else is sent", async () => {
    doors = { account: invalid, user: invalid };
    const report = await doctorAgainst(baseURL);
    const token = byId(report).token!;
    expect(token).toMatchObject({ verdict: "refused", status: 401 });
    expect(token.note).toContain("Invalid API Token (code 1000)");
    expect(token.note).toContain("Check CLOUDFLARE_API_TOKEN and CLOUDFLARE_ACCOUNT_ID");
    expect(sim.calls()).toEqual([]);
    expect(report.reads).toBe(2);
    expect(report.results.slice(1).every((r) => r.verdict === "skipped" && r.note === "not sent: Cloudflare refused the token")).toBe(true);
    expect(exitCode(report)).toBe(1);
    expect(formatReport(report)).not.toContain(FAKE_TOKEN);
  });

  it("a Cloudflare message that repeats the token is printed without it", async () => {
    const echo: Door = { status: 401, body: { success: false, errors: [{ code: 1000, message: `Invalid API Token ${FAKE_TOKEN}` }], messages: [], result: null } };
    doors = { account: echo, user: echo };
    const report = await doctorAgainst(baseURL);
    expect(byId(report).token!.note).toContain("Invalid API Token [token]");
    expect(formatReport(report)).not.toContain(FAKE_TOKEN);
  });

  it("an expired or disabled token is refused", async () => {
    for (const status of ["expired", "disabled"]) {
      doors = { account: active({ status }), user: invalid };
      const report = await doctorAgainst(baseURL);
      expect(byId(report).token).toMatchObject({ verdict: "refused", note: `the token is ${status}` });
      expect(exitCode(report)).toBe(1);
    }
  });

  it("a token that expires within two weeks is degraded, and says when", async () => {
    const soon = new Date(Date.now() + 3 * 24 * 3600_000).toISOString();
    doors = { account: active({ expires_on: soon }), user: invalid };
    const report = await doctorAgainst(baseURL);
    expect(byId(report).token).toMatchObject({ verdict: "degraded", note: `active, but expires on ${soon}` });
    expect(exitCode(report)).toBe(0);
  });
});
