import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createSimulator } from "./index";
import { startSimulatorServer, type RunningServer } from "./http-server";

const ACCOUNT = "023e105f4ecef8ad9ca31a8372d0c353";
let running: RunningServer;

beforeAll(async () => {
  running = await startSimulatorServer(createSimulator({ messageCount: 500 }), { port: 0 });
});
afterAll(async () => {
  await running.close();
});

describe("http server", () => {
  it("serves the API over a real socket, including POST bodies and encoded ids", async () => {
    const auth = { authorization: "Bearer t", "content-type": "application/json" };
    const fixtures = (await (await fetch(`${running.baseUrl.replace("/client/v4", "")}/__simulator/fixtures`)).json()).result;
    const base = `${running.baseUrl}/accounts/${ACCOUNT}/email-security/investigate`;
    const list = await fetch(`${base}?per_page=2`, { headers: auth });
    expect(list.status).toBe(200);
    expect((await list.json()).result).toHaveLength(2);
    const move = await fetch(`${base}/${encodeURIComponent(fixtures.deliveredId)}/move`, { method: "POST", headers: auth, body: JSON.stringify({ destination: "JunkEmail" }) });
    expect((await move.json()).result[0].success).toBe(true);
    const calls = (await (await fetch(`${running.baseUrl}/__simulator/calls`)).json()).result;
    expect(calls.at(-1)).toMatchObject({ method: "POST", body: { destination: "JunkEmail" } });
  });

  it("aborts a timeout fault when the client disconnects", async () => {
    await fetch(`${running.baseUrl}/__simulator/faults`, { method: "PUT", body: JSON.stringify({ rules: [{ timeout: true, times: 1 }] }) });
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 50);
    await expect(fetch(`${running.baseUrl}/accounts/${ACCOUNT}/email-security/investigate`, { headers: { authorization: "Bearer t" }, signal: controller.signal })).rejects.toThrow();
    const after = await fetch(`${running.baseUrl}/accounts/${ACCOUNT}/email-security/investigate?per_page=1`, { headers: { authorization: "Bearer t" } });
    expect(after.status).toBe(200);
  });

  it("standalone.ts prints its URL and stops on SIGTERM", async () => {
    const script = fileURLToPath(new URL("./standalone.ts", import.meta.url));
    const child = spawn(process.execPath, ["--import", "tsx", script, "--port", "0", "--seed", "3"], { stdio: ["ignore", "pipe", "pipe"] });
    const line = await new Promise<string>((resolve, reject) => {
      let out = "";
      child.stdout.on("data", (d: Buffer) => {
        out += d.toString();
        if (out.includes("\n")) resolve(out.split("\n")[0] ?? "");
      });
      child.once("exit", (code) => reject(new Error(`exited ${code}`)));
    });
    expect(line).toMatch(/^Simulator listening on http:\/\/127\.0\.0\.1:\d+\/client\/v4$/);
    let stderr = "";
    child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
    const exited = new Promise<string>((resolve) => child.once("exit", (code, signal) => resolve(`${code}/${signal}`)));
    child.kill("SIGTERM");
    expect(await exited, stderr).toBe("0/null");
  });

  it("standalone.ts --variance starts in variance mode with that seed", async () => {
    const script = fileURLToPath(new URL("./standalone.ts", import.meta.url));
    const child = spawn(process.execPath, ["--import", "tsx", script, "--port", "0", "--variance", "7"], { stdio: ["ignore", "pipe", "pipe"] });
    try {
      const baseUrl = await new Promise<string>((resolve, reject) => {
        let out = "";
        child.stdout.on("data", (d: Buffer) => {
          out += d.toString();
          const match = /listening on (\S+)\n/.exec(out);
          if (match?.[1]) resolve(match[1]);
        });
        child.once("exit", (code) => reject(new Error(`exited ${code}`)));
      });
      const config = await (await fetch(`${baseUrl}/__simulator/variance`)).json();
      expect(config.result).toEqual({ seed: 7 });
    } finally {
      child.kill("SIGTERM");
    }
  });

  it("standalone.ts refuses a malformed --variance, naming the option", async () => {
    const script = fileURLToPath(new URL("./standalone.ts", import.meta.url));
    const child = spawn(process.execPath, ["--import", "tsx", script, "--port", "0", "--variance", "seven"], { stdio: ["ignore", "pipe", "pipe"] });
    let stderr = "";
    child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
    const code = await new Promise<number | null>((resolve) => child.once("exit", (c) => resolve(c)));
    expect(code).toBe(2);
    expect(stderr).toMatch(/--variance must be a non-negative whole number/);
  });
});
