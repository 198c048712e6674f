import { createHash, scryptSync } from "node:crypto";

// One place for the end-to-end topology: the console on 3100, the standalone simulator on 8787.
// The tokens and passwords here are fake and only ever meet the simulator on loopback.
// Ports can be moved (E2E_CONSOLE_PORT, E2E_SIMULATOR_PORT) so two checkouts can run side by side.
const simulatorPort = Number(process.env.E2E_SIMULATOR_PORT ?? 8787);
const consolePort = Number(process.env.E2E_CONSOLE_PORT ?? 3100);
const oidcPort = Number(process.env.E2E_OIDC_PORT ?? consolePort + 6000);
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

export const STORAGE_STATE: Record<E2ERole, string> = {
  viewer: "e2e/.auth/viewer.json",
  analyst: "e2e/.auth/analyst.json",
  admin: "e2e/.auth/admin.json",
};

/** The OpenID Connect provider a journey starts on loopback, and the console's client at it. */
export const OIDC = {
  port: oidcPort,
  issuer: `http://127.0.0.1:${oidcPort}`,
  clientId: "triage-e2e",
  clientSecret: "fake-oidc-client-secret-e2e",
  /** Members of this group are analysts in the console. */
  analystGroup: "soc-analysts",
};

export const E2E = {
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
    OIDC_ISSUER: OIDC.issuer,
    OIDC_CLIENT_ID: OIDC.clientId,
    OIDC_CLIENT_SECRET: OIDC.clientSecret,
    // A group from the provider's `groups` claim (a bare entry would be an email).
    CONSOLE_ANALYSTS: `group:${OIDC.analystGroup}`,
    // Short, so the timeout journey does not wait the production 10 s twice.
    UPSTREAM_READ_TIMEOUT_MS: "3000",
  },
};
