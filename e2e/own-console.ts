import { spawn } from "node:child_process";
import { expect, request as requestContext, type APIRequestContext } from "@playwright/test";
import { freePortForTests } from "../lib/testing/backends";
import { E2E } from "./env";

// A console of a journey's own (this build, `next start`, the stack's simulator), for journeys
// that need settings the shared stack must not have (a tiny budget, Redis) or would leave the
// stack's budgets spent for the journeys after them.

export interface OwnConsole {
  url: string;
  stop(): void;
}

export async function startOwnConsole(env: Record<string, string>): Promise<OwnConsole> {
  const port = await freePortForTests();
  const url = `http://127.0.0.1:${port}`;
  const child = spawn("npx", ["next", "start", "-H", "127.0.0.1", "-p", String(port)], {
    // The defaults a deployment gets, not the shared stack's relaxed share.
    env: { ...process.env, ...E2E.serverEnv, USER_READ_SHARE: "", NEXTAUTH_URL: url, DATABASE_URL: `./data/e2e-own-${port}.db`, ...env },
    stdio: "ignore",
    detached: true,
  });
  const stop = () => {
    // npx started next as a child: end the group this journey started, by its id.
    if (child.pid && child.exitCode === null) process.kill(-child.pid, "SIGTERM");
  };
  try {
    await expect
      .poll(async () => (await fetch(`${url}/api/health/ready`).catch(() => null))?.status, { timeout: 120_000, intervals: [250] })
      .toBe(200);
  } catch (err) {
    stop();
    throw err;
  }
  return { url, stop };
}

/** An API client signed in as `user` through next-auth's credentials endpoint, as the sign-in form posts. */
export async function signedInApi(baseURL: string, user: { email: string; password: string }): Promise<APIRequestContext> {
  const api = await requestContext.newContext({ baseURL });
  const { csrfToken } = (await (await api.get("/api/auth/csrf")).json()) as { csrfToken: string };
  const reply = await api.post("/api/auth/callback/local", { form: { csrfToken, ...user }, maxRedirects: 0 });
  expect(new URL(reply.headers().location!).searchParams.get("error")).toBeNull();
  return api;
}
