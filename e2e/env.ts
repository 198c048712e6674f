import { createHash, scryptSync } from "node:crypto";

// One place for the end-to-end topology. Each Playwright worker gets its own stack — a standalone
// simulator and a console with its own database — so journeys that change the simulator's global
// state (faults, variance, the call log, bulk jobs) never meet another worker's. Stack N listens
// on the base ports + N: consoles from 3100, simulators from 8787, OIDC providers from 9100.
// The tokens and passwords here are fake and only ever meet the simulator on loopback.
// Ports can be moved (E2E_CONSOLE_PORT, E2E_SIMULATOR_PORT, E2E_OIDC_PORT) so two checkouts can
// run side by side; E2E_WORKERS sets how many stacks (and workers) there are.
const baseSimulatorPort = Number(process.env.E2E_SIMULATOR_PORT ?? 8787);
const baseConsolePort = Number(process.env.E2E_CONSOLE_PORT ?? 3100);
const baseOidcPort = Number(process.env.E2E_OIDC_PORT ?? baseConsolePort + 6000);

/**
 * How many workers, and so stacks. One by default: on 2 cores one journey (Chromium, the console
 * and the simulator) already keeps both busy, and a second worker measured no faster, only
 * closer to its timeouts. A machine with more cores can set E2E_WORKERS=4.
 */
export const E2E_WORKERS = Math.max(1, Number(process.env.E2E_WORKERS ?? 1));
/** This process's stack: the worker's parallel slot, or 0 in the runner (which starts them all). */
const stackIndex = Number(process.env.TEST_PARALLEL_INDEX ?? 0) % E2E_WORKERS;
const oidcPort = baseOidcPort + stackIndex;
const accountId = "0123456789abcdef0123456789abcdef";
const apiToken = "fake-e2e-token-0000";

export const USERS = {
  viewer: { email: "viewer@e2e.test", password: "viewer-pass-e2e" },
  analyst: { email: "analyst@e2e.test", password: "analyst-pass-e2e" },
  admin: { email: "admin@e2e.test", password: "admin-pass-e2e" },
} as const;
export type E2ERole = keyof typeof USERS;

/**
 * Accounts the session journeys sign in and out fresh (ending every session of a user would
 * otherwise end the stored sign-ins the other journeys share).
 */
export const SESSION_USERS = {
  roamer: { email: "roamer@e2e.test", role: "analyst", password: "roamer-pass-e2e" },
  leaver: { email: "leaver@e2e.test", role: "viewer", password: "leaver-pass-e2e" },
  copier: { email: "copier@e2e.test", role: "viewer", password: "copier-pass-e2e" },
} as const;

/**
 * A second admin: a risky bulk job needs an admin other than the one who asked for it. Signed in
 * fresh by the approval journeys (`signInAs` in e2e/approvals-helpers.ts).
 */
export const APPROVER_USERS = {
  approver: { email: "approver@e2e.test", role: "admin", password: "approver-pass-e2e" },
} as const;

/**
 * The console refuses plain-text passwords outside demo mode, so the accounts are configured as
 * scrypt entries, the way an operator would (`npm run hash-password`). The salt comes from the
 * email so the build and every worker compute the same variable.
 */
function scryptEntry(email: string, password: string): string {
  const salt = createHash("sha256").update(email).digest().subarray(0, 16);
  return `scrypt$${salt.toString("base64")}$${scryptSync(password, salt, 32, { N: 16384, r: 8, p: 1 }).toString("base64")}`;
}

/** Where the setup project keeps each role's sign-in for stack `index`. */
export function storageStateFor(index: number): Record<E2ERole, string> {
  return {
      viewer: `e2e/.auth/viewer-${index}.json`,
      analyst: `e2e/.auth/analyst-${index}.json`,
      admin: `e2e/.auth/admin-${index}.json`,
  };
}

/** This worker's stored sign-ins. */
export const STORAGE_STATE = storageStateFor(stackIndex);

/** The OpenID Connect provider a journey starts on loopback, and the console's client at it. */
export const OIDC = {
  port: oidcPort,
  issuer: `http://127.0.0.1:${oidcPort}`,
  clientId: "triage-e2e",
  clientSecret: "fake-oidc-client-secret-e2e",
  /** Members of this group are analysts in the console. */
  analystGroup: "soc-analysts",
};

/** Everything about stack `index`: its ports, URLs and the console server's environment. */
export function stackFor(index: number) {
  const simulatorPort = baseSimulatorPort + index;
  const consolePort = baseConsolePort + index;
  const oidcIssuer = `http://127.0.0.1:${baseOidcPort + index}`;
  return {
  simulatorPort,
  consolePort,
  accountId,
  apiToken,
  simulatorUrl: `http://127.0.0.1:${simulatorPort}`,
  /** Where the console server's output goes during the run. */
  serverLog: `data/e2e-server-${consolePort}.log`,
  /** Where `next build` put the app. */
  distDir: process.env.NEXT_DIST_DIR ?? ".next",
  consoleUrl: `http://127.0.0.1:${consolePort}`,
  /** The simulator's copy of the Cloudflare API, for checking what the UI shows against the truth. */
  cloudflareApi: `http://127.0.0.1:${simulatorPort}/client/v4/accounts/${accountId}/email-security/investigate`,
  serverEnv: {
    CLOUDFLARE_API_TOKEN: apiToken,
    CLOUDFLARE_ACCOUNT_ID: accountId,
    CLOUDFLARE_BASE_URL: `http://127.0.0.1:${simulatorPort}/client/v4`,
    NEXTAUTH_SECRET: "fake-e2e-nextauth-secret-000000000000000",
    NEXTAUTH_URL: `http://127.0.0.1:${consolePort}`,
    CONSOLE_LOCAL_USERS: [
      ...Object.entries(USERS).map(([role, u]) => `${u.email}:${role}:${scryptEntry(u.email, u.password)}`),
      ...Object.values(SESSION_USERS).map((u) => `${u.email}:${u.role}:${scryptEntry(u.email, u.password)}`),
      ...Object.values(APPROVER_USERS).map((u) => `${u.email}:${u.role}:${scryptEntry(u.email, u.password)}`),
    ].join(","),
    DATABASE_URL: `./data/e2e-audit-${consolePort}.db`,
    OIDC_ISSUER: oidcIssuer,
    OIDC_CLIENT_ID: OIDC.clientId,
    OIDC_CLIENT_SECRET: OIDC.clientSecret,
    // A group from the provider's `groups` claim (a bare entry would be an email).
    CONSOLE_ANALYSTS: `group:${OIDC.analystGroup}`,
    // Next.js's anonymous telemetry would try to leave the machine (the scripts set the same).
    NEXT_TELEMETRY_DISABLED: "1",
    // Short, so the timeout journey does not wait the production 10 s twice.
    UPSTREAM_READ_TIMEOUT_MS: "3000",
    // The suite is three shared accounts driven by a robot for many minutes; one person's default
    // share (a quarter of the account's reads) is walked by attack-read-budget on its own console.
    USER_READ_SHARE: "1000",
  },
  };
}

/** This worker's stack (stack 0 in the runner). */
export const E2E = stackFor(stackIndex);

/** Every stack, for the runner to start and the setup project to sign in on. */
export const STACKS = Array.from({ length: E2E_WORKERS }, (_, i) => stackFor(i));
