import "server-only";
import { z } from "zod";
import { DEMO_USERS, parseLocalUsers, type LocalUser } from "@/lib/auth/local-users";

const optionalString = z
  .string()
  .trim()
  .transform((v) => (v === "" ? undefined : v))
  .optional();

const optionalInt = (name: string, min: number, max: number) =>
  optionalString.pipe(
    z
      .string()
      .regex(/^\d+$/, `${name} must be a whole number`)
      .transform(Number)
      .pipe(z.number().min(min, `${name} must be at least ${min}`).max(max, `${name} must be at most ${max}`))
      .optional(),
  );

const envSchema = z
  .object({
    CLOUDFLARE_API_TOKEN: optionalString,
    CLOUDFLARE_ACCOUNT_ID: optionalString.pipe(
      z
        .string()
        .regex(/^[0-9a-f]{32}$/, "CLOUDFLARE_ACCOUNT_ID must be the 32-character hex account id")
        .optional(),
    ),
    CLOUDFLARE_BASE_URL: optionalString.pipe(
      z.url({ protocol: /^https?$/, message: "CLOUDFLARE_BASE_URL must be an http(s) URL" }).optional(),
    ),
    NEXTAUTH_SECRET: optionalString.pipe(
      z.string().min(32, "NEXTAUTH_SECRET must be at least 32 characters").optional(),
    ),
    NEXTAUTH_URL: optionalString.pipe(z.url({ protocol: /^https?$/, message: "NEXTAUTH_URL must be an http(s) URL" }).optional()),
    OIDC_ISSUER: optionalString.pipe(z.url({ protocol: /^https?$/, message: "OIDC_ISSUER must be an http(s) URL" }).optional()),
    OIDC_CLIENT_ID: optionalString,
    OIDC_CLIENT_SECRET: optionalString,
    CONSOLE_LOCAL_USERS: optionalString,
    CONSOLE_ADMINS: optionalString,
    CONSOLE_ANALYSTS: optionalString,
    DATABASE_URL: optionalString,
    UPSTREAM_READ_BUDGET: optionalInt("UPSTREAM_READ_BUDGET", 1, 100_000),
    USER_READ_BUDGET: optionalInt("USER_READ_BUDGET", 1, 100_000),
    READ_CACHE_MS: optionalInt("READ_CACHE_MS", 0, 60_000),
    UPSTREAM_READ_TIMEOUT_MS: optionalInt("UPSTREAM_READ_TIMEOUT_MS", 100, 120_000),
  })
  .superRefine((env, ctx) => {
    if (env.CLOUDFLARE_API_TOKEN && !env.CLOUDFLARE_ACCOUNT_ID) {
      ctx.addIssue({
        code: "custom",
        path: ["CLOUDFLARE_ACCOUNT_ID"],
        message: "CLOUDFLARE_ACCOUNT_ID is missing: it is required when CLOUDFLARE_API_TOKEN is set",
      });
    }
    if (env.CLOUDFLARE_ACCOUNT_ID && !env.CLOUDFLARE_API_TOKEN) {
      ctx.addIssue({
        code: "custom",
        path: ["CLOUDFLARE_API_TOKEN"],
        message: "CLOUDFLARE_API_TOKEN is missing: it is required when CLOUDFLARE_ACCOUNT_ID is set",
      });
    }
    const oidc = [env.OIDC_ISSUER, env.OIDC_CLIENT_ID, env.OIDC_CLIENT_SECRET];
    if (oidc.some(Boolean) && !oidc.every(Boolean)) {
      for (const [name, value] of [
        ["OIDC_ISSUER", env.OIDC_ISSUER],
        ["OIDC_CLIENT_ID", env.OIDC_CLIENT_ID],
        ["OIDC_CLIENT_SECRET", env.OIDC_CLIENT_SECRET],
      ] as const) {
        if (!value) ctx.addIssue({ code: "custom", path: [name], message: `${name} is missing: OpenID Connect needs all three OIDC_ variables` });
      }
    }
    const demo = !env.CLOUDFLARE_API_TOKEN && !env.OIDC_ISSUER && !env.CONSOLE_LOCAL_USERS;
    if (!demo && !env.NEXTAUTH_SECRET) {
      ctx.addIssue({
        code: "custom",
        path: ["NEXTAUTH_SECRET"],
        message: "NEXTAUTH_SECRET is missing: it is required outside demo mode (e.g. `openssl rand -base64 32`)",
      });
    }
    if (!demo && !env.OIDC_ISSUER && !env.CONSOLE_LOCAL_USERS) {
      ctx.addIssue({
        code: "custom",
        path: ["CONSOLE_LOCAL_USERS"],
        message: "No way to sign in: set OIDC_ISSUER/OIDC_CLIENT_ID/OIDC_CLIENT_SECRET or CONSOLE_LOCAL_USERS",
      });
    }
  });

/** The account the in-process simulator serves when no Cloudflare account is configured. */
export const DEMO_ACCOUNT_ID = "00000000000000000000000000000de0";

export type Upstream =
  | { mode: "cloudflare"; apiToken: string; accountId: string; baseURL?: string }
  | { mode: "simulator"; accountId: string };

export interface AuthEnv {
  /** No Cloudflare token and no accounts configured: the simulator with built-in demo accounts. */
  demo: boolean;
  secret: string;
  /** Where the console is served; cookies are Secure when it is https. */
  url?: string;
  oidc?: { issuer: string; clientId: string; clientSecret: string };
  localUsers: LocalUser[];
  admins: string[];
  analysts: string[];
}

export interface Limits {
  /** Upstream reads per account per 5 minutes (Cloudflare allows ~1,200 requests; the rest is left for changes). */
  upstreamReadsPer5Min: number;
  /** Reads one user may make per minute, so one export or refresh loop cannot starve the team. */
  userReadsPerMinute: number;
  /** How long an identical read may be answered from memory. */
  readCacheMs: number;
  /** How long one read attempt may wait for Cloudflare (a read is tried at most twice). */
  readTimeoutMs: number;
}

export interface ServerEnv {
  upstream: Upstream;
  auth: AuthEnv;
  limits: Limits;
  /** The audit database file. */
  databasePath: string;
}

export class EnvError extends Error {
  override name = "EnvError";
}

export function parseEnv(source: Record<string, string | undefined>): ServerEnv {
  const parsed = envSchema.safeParse(source);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `- ${String(i.path[0] ?? "env")}: ${i.message}`);
    throw new EnvError(`Invalid configuration:\n${lines.join("\n")}`);
  }
  const env = parsed.data;
  const upstream: Upstream =
    env.CLOUDFLARE_API_TOKEN && env.CLOUDFLARE_ACCOUNT_ID
      ? {
          mode: "cloudflare",
          apiToken: env.CLOUDFLARE_API_TOKEN,
          accountId: env.CLOUDFLARE_ACCOUNT_ID,
          baseURL: env.CLOUDFLARE_BASE_URL,
        }
      : { mode: "simulator", accountId: DEMO_ACCOUNT_ID };
  const demo = !env.CLOUDFLARE_API_TOKEN && !env.OIDC_ISSUER && !env.CONSOLE_LOCAL_USERS;
  let localUsers: LocalUser[];
  try {
    localUsers = demo ? DEMO_USERS : parseLocalUsers(env.CONSOLE_LOCAL_USERS ?? "");
  } catch (err) {
    throw new EnvError(`Invalid configuration:\n- CONSOLE_LOCAL_USERS: ${(err as Error).message}`);
  }
  return {
    upstream,
    auth: {
      demo,
      // Demo mode serves only simulated mail, so a fixed, public secret is acceptable there.
      secret: env.NEXTAUTH_SECRET ?? DEMO_SECRET,
      url: env.NEXTAUTH_URL,
      oidc:
        env.OIDC_ISSUER && env.OIDC_CLIENT_ID && env.OIDC_CLIENT_SECRET
          ? { issuer: env.OIDC_ISSUER, clientId: env.OIDC_CLIENT_ID, clientSecret: env.OIDC_CLIENT_SECRET }
          : undefined,
      localUsers,
      admins: splitList(env.CONSOLE_ADMINS),
      analysts: splitList(env.CONSOLE_ANALYSTS),
    },
    databasePath: databasePathFrom(env.DATABASE_URL),
    limits: {
      upstreamReadsPer5Min: env.UPSTREAM_READ_BUDGET ?? 1000,
      userReadsPerMinute: env.USER_READ_BUDGET ?? 300,
      readCacheMs: env.READ_CACHE_MS ?? 2000,
      readTimeoutMs: env.UPSTREAM_READ_TIMEOUT_MS ?? 10_000,
    },
  };
}

const DEMO_SECRET = "triage-demo-mode-only-not-a-secret-0000";

function splitList(value: string | undefined): string[] {
  return (value ?? "")
    .split(",")
    .map((v) => v.trim().toLowerCase())
    .filter(Boolean);
}

/** `file:./data/x.db`, `./data/x.db` or an absolute path; default `./data/triage.db`. */
function databasePathFrom(value: string | undefined): string {
  if (!value) return "./data/triage.db";
  return value.replace(/^file:(\/\/)?/, "");
}

let cached: ServerEnv | undefined;

/** The server's configuration, parsed once; `instrumentation.ts` calls it at start-up so a bad variable stops the server. */
export function getEnv(): ServerEnv {
  cached ??= parseEnv(process.env);
  return cached;
}
