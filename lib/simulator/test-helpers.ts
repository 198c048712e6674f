// Shared set-up for the simulator's tests: an injected clock, a typed `call`, and contract
// validation of every API answer the tests see.
import { expect } from "vitest";
import { contractProblems } from "./contract-validator";
import { createSimulator, type Simulator, type SimulatorOptions } from "./index";
import { quirkEnabled } from "./variance-config";

export const ACCOUNT = "023e105f4ecef8ad9ca31a8372d0c353";
export const ORIGIN = "http://simulator.test";
export const PREFIX = `/accounts/${ACCOUNT}/email-security/investigate`;
export const START = Date.parse("2026-11-25T12:00:00Z");

export interface Harness {
  sim: Simulator;
  now(): number;
  advance(ms: number): void;
  call(method: string, path: string, options?: CallOptions): Promise<CallResult>;
}

export interface CallOptions {
  body?: unknown;
  rawBody?: string;
  token?: string | null;
  /** Skip contract validation (for fault answers, which are deliberately off-contract). */
  offContract?: boolean;
}

export interface CallResult {
  status: number;
  // Tests poke into arbitrary response shapes; the contract check above is what keeps them honest.
  body: any;
  text: string;
  headers: Headers;
}

export function createHarness(options: SimulatorOptions = {}): Harness {
  let clock = START;
  const sim = createSimulator({ now: () => clock, ...options });
  return {
    sim,
    now: () => clock,
    advance: (ms) => {
      clock += ms;
    },
    async call(method, path, { body, rawBody, token = "test-token", offContract = false } = {}) {
      const headers: Record<string, string> = {};
      if (token !== null) headers.authorization = `Bearer ${token}`;
      if (body !== undefined || rawBody !== undefined) headers["content-type"] = "application/json";
      const fullPath = path.startsWith("/__simulator") ? path : `/client/v4${path.startsWith("/accounts") ? "" : PREFIX}${path}`;
      const response = await sim.handle(
        new Request(`${ORIGIN}${fullPath}`, { method, headers, body: rawBody ?? (body === undefined ? undefined : JSON.stringify(body)) }),
      );
      const text = await response.text();
      let parsed: unknown = null;
      try {
        parsed = JSON.parse(text);
      } catch {
        parsed = null;
      }
      if (!offContract && !path.startsWith("/__simulator")) {
        const apiPath = decodeURIComponent(new URL(`${ORIGIN}${fullPath}`).pathname.replace(/^\/client\/v4/, ""));
        // Unknown enum values are legal only where the description's enum is soft (see variance-walker.ts).
        const softEnums = quirkEnabled(sim.variance(), "unknownEnums");
        expect(contractProblems(method, apiPath, response.status, parsed, { softEnums }), `${method} ${path} → ${response.status}`).toEqual([]);
      }
      return { status: response.status, body: parsed, text, headers: response.headers };
    },
  };
}

export function idPath(id: string, suffix = ""): string {
  return `/${encodeURIComponent(id)}${suffix}`;
}
