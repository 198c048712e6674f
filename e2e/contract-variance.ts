import { test as base } from "@playwright/test";
import type { VarianceQuirk } from "../lib/simulator/variance-config";
import { E2E } from "./env";
import { simulator } from "./fixtures";

/**
 * The simulator's variance mode: replies Cloudflare's published description
 * allows but the plain simulator never sends. A contract journey forces its quirk for its own
 * run and clears it afterwards, so no other journey sees it.
 */
export type Quirk = VarianceQuirk;

async function control(method: string, body?: unknown): Promise<void> {
  const response = await fetch(`${E2E.simulatorUrl}/__simulator/variance`, {
    method,
    headers: body === undefined ? undefined : { "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`simulator ${method} variance: ${response.status} ${await response.text()}`);
}

export const variance = {
  force: (quirks: Quirk[], seed = Number(process.env.SIMULATOR_VARIANCE_SEED ?? 7)) => control("PUT", { seed, force: quirks }),
  clear: () => control("DELETE"),
};

/** A journey with `quirks` forced for its whole run. */
export function contractTest(quirks: Quirk[]) {
  return base.extend<{ simulator: typeof simulator; variance: typeof variance }>({
    simulator: async ({}, use) => {
      await simulator.clearFaults();
      await use(simulator);
      await simulator.clearFaults();
    },
    variance: async ({}, use) => {
      await variance.force(quirks);
      try {
        await use(variance);
      } finally {
        await variance.clear();
      }
    },
  });
}
