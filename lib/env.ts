import "server-only";
import { z } from "zod";

const optionalString = z
  .string()
  .trim()
  .transform((v) => (v === "" ? undefined : v))
  .optional();

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
  });

/** The account the in-process simulator serves when no Cloudflare account is configured. */
export const DEMO_ACCOUNT_ID = "00000000000000000000000000000de0";

export type Upstream =
  | { mode: "cloudflare"; apiToken: string; accountId: string; baseURL?: string }
  | { mode: "simulator"; accountId: string };

export interface ServerEnv {
  upstream: Upstream;
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
  if (env.CLOUDFLARE_API_TOKEN && env.CLOUDFLARE_ACCOUNT_ID) {
    return {
      upstream: {
        mode: "cloudflare",
        apiToken: env.CLOUDFLARE_API_TOKEN,
        accountId: env.CLOUDFLARE_ACCOUNT_ID,
        baseURL: env.CLOUDFLARE_BASE_URL,
      },
    };
  }
  return { upstream: { mode: "simulator", accountId: DEMO_ACCOUNT_ID } };
}

let cached: ServerEnv | undefined;

/** The server's configuration, parsed once; `instrumentation.ts` calls it at start-up so a bad variable stops the server. */
export function getEnv(): ServerEnv {
  cached ??= parseEnv(process.env);
  return cached;
}
