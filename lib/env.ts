import "server-only";
import { randomBytes } from "node:crypto";
import { resolve } from "node:path";
import { z } from "zod";
import { DEMO_USERS, parseLocalUsers, type LocalUser } from "@/lib/auth/local-users";
import type { DirectoryList } from "@/lib/auth/oidc-identity";

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

/** `group:soc-leads` names a group from the OIDC `groups` claim; anything else must be an email. */
const directoryList = (name: string) =>
  optionalString.transform((value, ctx): DirectoryList => {
    const list = { emails: [] as string[], groups: [] as string[] };
    for (const entry of (value ?? "").split(",").map((v) => v.trim().toLowerCase()).filter(Boolean)) {
      if (entry.startsWith("group:") && entry.length > "group:".length) list.groups.push(entry.slice("group:".length));
      else if (z.email().safeParse(entry).success) list.emails.push(entry);
      else ctx.addIssue({ code: "custom", message: `${name}: "${entry}" is neither an email nor group:NAME (write group:${entry} for a group)` });
    }
    return list;
  });

const envSchema = z
  .object({
    TRIAGE_DEMO: optionalString.pipe(
      z.enum(["1", "true", "0", "false"], { message: "TRIAGE_DEMO must be 1 (demo mode) or 0" }).optional(),
    ),
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
    CONSOLE_ADMINS: directoryList("CONSOLE_ADMINS"),
    CONSOLE_ANALYSTS: directoryList("CONSOLE_ANALYSTS"),
    DATABASE_URL: optionalString.pipe(
      z
        .string()
        .refine((v) => databaseFrom(v) !== null, {
          message: "DATABASE_URL must be a file path (./data/triage.db, file:./data/triage.db) or a postgres:// URL",
        })
        .optional(),
    ),
    REDIS_URL: optionalString.pipe(
      z.url({ protocol: /^rediss?$/, message: "REDIS_URL must be a redis:// or rediss:// URL" }).optional(),
    ),
    UPSTREAM_READ_BUDGET: optionalInt("UPSTREAM_READ_BUDGET", 1, 100_000),
    USER_READ_BUDGET: optionalInt("USER_READ_BUDGET", 1, 100_000),
    USER_READ_SHARE: optionalInt("USER_READ_SHARE", 1, 100_000),
    USER_WRITE_BUDGET: optionalInt("USER_WRITE_BUDGET", 1, 100_000),
    READ_CACHE_MS: optionalInt("READ_CACHE_MS", 0, 60_000),
    READ_CACHE_MAX_BYTES: optionalInt("READ_CACHE_MAX_BYTES", 0, 1024 * 1024 * 1024),
    TRUSTED_PROXY_HOPS: optionalInt("TRUSTED_PROXY_HOPS", 0, 10),
    UPSTREAM_READ_TIMEOUT_MS: optionalInt("UPSTREAM_READ_TIMEOUT_MS", 100, 120_000),
    TRIAGE_SERVER_TIMING: optionalString.pipe(z.enum(["1", "0"], { message: "TRIAGE_SERVER_TIMING must be 1 or 0" }).optional()),
    BULK_APPROVAL_THRESHOLD: optionalInt("BULK_APPROVAL_THRESHOLD", 1, 100_000),
    RETURNS_PER_USER_HOUR: optionalInt("RETURNS_PER_USER_HOUR", 0, 100_000),
    EVIDENCE_MAX_BYTES: optionalInt("EVIDENCE_MAX_BYTES", 1024, 1024 * 1024 * 1024),
    OVERVIEW_MAX_MESSAGES: optionalInt("OVERVIEW_MAX_MESSAGES", 1, 50_000),
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
    const accountReads = env.UPSTREAM_READ_BUDGET ?? 1000;
    if (env.USER_READ_SHARE !== undefined && env.USER_READ_SHARE > accountReads) {
      ctx.addIssue({
        code: "custom",
        path: ["USER_READ_SHARE"],
        message: `USER_READ_SHARE (${env.USER_READ_SHARE}) is more than the account's UPSTREAM_READ_BUDGET (${accountReads}): one person's share must leave some to the team`,
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
    if (isDemo(env)) {
      // Demo accounts have the password `demo`: they must never reach real mail or real accounts.
      for (const name of ["CLOUDFLARE_API_TOKEN", "CONSOLE_LOCAL_USERS", "OIDC_ISSUER"] as const) {
        if (env[name]) {
          ctx.addIssue({
            code: "custom",
            path: [name],
            message: `${name} is set, but TRIAGE_DEMO=1 asks for demo mode (simulated mail, built-in accounts); set TRIAGE_DEMO=0 to use your configuration`,
          });
        }
      }
      // Its own state only: a file of its own (each test run and e2e stack has one), never a shared
      // server where real sessions, audit rows or budgets live.
      const chosen = env.DATABASE_URL ? databaseFrom(env.DATABASE_URL) : null;
      if (chosen?.engine === "postgres") {
        ctx.addIssue({
          code: "custom",
          path: ["DATABASE_URL"],
          message: `DATABASE_URL: demo mode keeps its own SQLite file (${DEMO_DATABASE}) and never uses a PostgreSQL database; unset DATABASE_URL or set TRIAGE_DEMO=0`,
        });
      } else if (chosen?.engine === "sqlite" && resolve(chosen.path) === resolve(PRODUCTION_DATABASE)) {
        ctx.addIssue({ code: "custom", path: ["DATABASE_URL"], message: `DATABASE_URL: demo mode never writes the production audit database (${PRODUCTION_DATABASE})` });
      }
      if (env.REDIS_URL) {
        ctx.addIssue({
          code: "custom",
          path: ["REDIS_URL"],
          message: "REDIS_URL is set, but TRIAGE_DEMO=1 asks for demo mode, which keeps its limits in process and never shares a Redis; unset REDIS_URL or set TRIAGE_DEMO=0",
        });
      }
      return;
    }
    const demoHint = "(or TRIAGE_DEMO=1 for the demo on simulated mail)";
    if (!env.CLOUDFLARE_API_TOKEN && !env.CLOUDFLARE_ACCOUNT_ID) {
      ctx.addIssue({ code: "custom", path: ["CLOUDFLARE_API_TOKEN"], message: `CLOUDFLARE_API_TOKEN is missing: set it and CLOUDFLARE_ACCOUNT_ID ${demoHint}` });
    }
    if (!env.NEXTAUTH_SECRET) {
      ctx.addIssue({
        code: "custom",
        path: ["NEXTAUTH_SECRET"],
        message: `NEXTAUTH_SECRET is missing: it signs the session cookie (e.g. \`openssl rand -base64 32\`) ${demoHint}`,
      });
    }
    if (!env.OIDC_ISSUER && !env.CONSOLE_LOCAL_USERS) {
      ctx.addIssue({
        code: "custom",
        path: ["CONSOLE_LOCAL_USERS"],
        message: `No way to sign in: set OIDC_ISSUER/OIDC_CLIENT_ID/OIDC_CLIENT_SECRET or CONSOLE_LOCAL_USERS ${demoHint}`,
      });
    }
  });

/** The account the in-process simulator serves when no Cloudflare account is configured. */
export const DEMO_ACCOUNT_ID = "00000000000000000000000000000de0";

export type Upstream =
  | { mode: "cloudflare"; apiToken: string; accountId: string; baseURL?: string }
  | { mode: "simulator"; accountId: string };

export interface AuthEnv {
  /** TRIAGE_DEMO=1: the simulator, built-in demo accounts, a random session secret, a database of its own. */
  demo: boolean;
  secret: string;
  /** Where the console is served; cookies are Secure when it is https. */
  url?: string;
  oidc?: { issuer: string; clientId: string; clientSecret: string };
  localUsers: LocalUser[];
  admins: DirectoryList;
  analysts: DirectoryList;
}

export interface Limits {
  /** Upstream reads per account per 5 minutes (Cloudflare allows ~1,200 requests; the rest is left for changes). */
  upstreamReadsPer5Min: number;
  /** Requests that read (GET, HEAD) one user may make per minute, cached answers included. */
  userReadsPerMinute: number;
  /**
   * Upstream reads one user may spend per 5 minutes, out of the account's: well under it, so one
   * person's count loop or export leaves the rest to the team.
   */
  userReadSharePer5Min: number;
  /** Changes one user may make per minute, so one script cannot spend the account's budget for everyone. */
  userWritesPerMinute: number;
  /** How long an identical read may be answered from memory. */
  readCacheMs: number;
  /** How much the read cache may hold, in bytes of JSON. */
  readCacheMaxBytes: number;
  /** How long one read attempt may wait for Cloudflare (a read is tried at most twice). */
  readTimeoutMs: number;
  /** A bulk job matching more messages than this needs a second admin's approval. */
  bulkApprovalThreshold: number;
  /**
   * Messages one person may return to mailboxes (release, move to Inbox) per hour without a
   * second admin; past it, the rest waits for approval (lib/approvals/release-policy.ts).
   */
  returnsPerUserHour: number;
  /** The largest evidence pack (the files going into it, before compression) the console builds. */
  evidenceMaxBytes: number;
  /** OVERVIEW_MAX_MESSAGES: the newest matches a search overview is computed from (default 5000). */
  overviewMaxMessages: number;
}

export interface ServerEnv {
  upstream: Upstream;
  auth: AuthEnv;
  limits: Limits;
  /** The console database: an embedded SQLite file, or PostgreSQL shared by every instance. */
  database: DatabaseConfig;
  /** REDIS_URL: budgets, read cache and sign-in limits shared by every instance; absent: kept in process. */
  redisUrl: string | undefined;
  /** How many proxies in front of the console append to X-Forwarded-For (0: trust none of it). */
  trustedProxyHops: number;
  /** TRIAGE_SERVER_TIMING=1: API replies carry a Server-Timing header (for `npm run bench`; off by default). */
  serverTiming: boolean;
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
  const demo = isDemo(env);
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
      secret: env.NEXTAUTH_SECRET ?? demoSessionSecret(),
      url: env.NEXTAUTH_URL,
      oidc:
        env.OIDC_ISSUER && env.OIDC_CLIENT_ID && env.OIDC_CLIENT_SECRET
          ? { issuer: env.OIDC_ISSUER, clientId: env.OIDC_CLIENT_ID, clientSecret: env.OIDC_CLIENT_SECRET }
          : undefined,
      localUsers,
      admins: env.CONSOLE_ADMINS,
      analysts: env.CONSOLE_ANALYSTS,
    },
    database: (env.DATABASE_URL && databaseFrom(env.DATABASE_URL)) || { engine: "sqlite", path: demo ? DEMO_DATABASE : PRODUCTION_DATABASE },
    redisUrl: env.REDIS_URL,
    serverTiming: env.TRIAGE_SERVER_TIMING === "1",
    trustedProxyHops: env.TRUSTED_PROXY_HOPS ?? 0,
    limits: {
      upstreamReadsPer5Min: env.UPSTREAM_READ_BUDGET ?? 1000,
      userReadsPerMinute: env.USER_READ_BUDGET ?? 300,
      userReadSharePer5Min: env.USER_READ_SHARE ?? Math.max(1, Math.floor((env.UPSTREAM_READ_BUDGET ?? 1000) / 4)),
      userWritesPerMinute: env.USER_WRITE_BUDGET ?? 60,
      readCacheMs: env.READ_CACHE_MS ?? 2000,
      readCacheMaxBytes: env.READ_CACHE_MAX_BYTES ?? 16 * 1024 * 1024,
      readTimeoutMs: env.UPSTREAM_READ_TIMEOUT_MS ?? 10_000,
      bulkApprovalThreshold: env.BULK_APPROVAL_THRESHOLD ?? 500,
      returnsPerUserHour: env.RETURNS_PER_USER_HOUR ?? 50,
      evidenceMaxBytes: env.EVIDENCE_MAX_BYTES ?? 25 * 1024 * 1024,
      overviewMaxMessages: env.OVERVIEW_MAX_MESSAGES ?? 5000,
    },
  };
}

/** Demo mode is a choice someone made (`npm run dev` makes it), never what a lost configuration falls back to. */
function isDemo(env: { TRIAGE_DEMO?: string }): boolean {
  return env.TRIAGE_DEMO === "1" || env.TRIAGE_DEMO === "true";
}

const PRODUCTION_DATABASE = "./data/triage.db";
const DEMO_DATABASE = "./data/demo.db";

const globalForSecret = globalThis as unknown as { __triageDemoSecret?: string };

/**
 * Demo mode signs sessions with a secret made at start (kept on globalThis so every module copy
 * and dev reload agrees), so no secret written in the source signs anything.
 */
function demoSessionSecret(): string {
  globalForSecret.__triageDemoSecret ??= randomBytes(32).toString("base64url");
  return globalForSecret.__triageDemoSecret;
}

export type DatabaseConfig = { engine: "sqlite"; path: string } | { engine: "postgres"; url: string };

/**
 * `file:./data/x.db`, `./data/x.db`, an absolute path or `:memory:` is SQLite; `postgres://` or
 * `postgresql://` is PostgreSQL. Anything else with a scheme (`postgres:/x`, `mysql://…`) is
 * refused (null) rather than becoming a local file named after the URL.
 */
export function databaseFrom(value: string): DatabaseConfig | null {
  if (/^postgres(ql)?:\/\/[^/]/i.test(value)) {
    try {
      new URL(value);
      return { engine: "postgres", url: value };
    } catch {
      return null;
    }
  }
  if (/^file:/i.test(value)) return { engine: "sqlite", path: value.replace(/^file:(\/\/)?/i, "") };
  if (value === ":memory:") return { engine: "sqlite", path: value };
  // A scheme (two or more letters and a colon) that is not one of the above: not a path.
  if (/^[a-z][a-z0-9+.-]+:/i.test(value)) return null;
  return { engine: "sqlite", path: value };
}

let cached: ServerEnv | undefined;

/** The server's configuration, parsed once; `instrumentation.ts` calls it at start-up so a bad variable stops the server. */
export function getEnv(): ServerEnv {
  cached ??= parseEnv(process.env);
  return cached;
}
