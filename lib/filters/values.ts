import { z } from "zod";

/**
 * The value schemas filters are made of. Separate from the registry so `lib/schemas` can share
 * them (dates, query-string booleans) without importing the registry back.
 */

/** A typed filter as it travels in a query string; the label names the field in every error. */
export const text = (label: string, max = 256) =>
  z
    .string()
    .trim()
    .min(1, `${label} must not be empty`)
    .max(max, `${label} must be at most ${max} characters`)
    .refine((v) => !/[\u0000-\u001f\u007f]/.test(v), `${label} must not contain control characters`);

/** The same field in a bulk job's JSON `search_params`, where Cloudflare also allows null. */
export const bulkText = (max: number) => z.string().trim().min(1).max(max).nullable().optional();

export const isoDateTimeSchema = z.iso.datetime({
  offset: true,
  message: "Use an ISO-8601 date and time, e.g. 2026-11-24T09:30:00Z",
});

/** Booleans as they travel in a query string. */
export const queryBooleanSchema = z
  .enum(["true", "false"], { message: "Use true or false" })
  .transform((v) => v === "true");

export const ipSchema = (label: string) => z.union([z.ipv4(), z.ipv6()], { message: `${label} must be an IPv4 or IPv6 address` });
