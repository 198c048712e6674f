import "server-only";
import type { z } from "zod";
import { AppError } from "@/lib/errors";

/** Bodies the console sends are small; anything larger is a mistake or an attack. */
export const DEFAULT_MAX_BODY_BYTES = 64 * 1024;

function fieldsOf(error: z.ZodError, prefix?: string): Record<string, string> {
  // No prototype: a probe that sends a `__proto__` key must not reach Object.prototype through us.
  const fields: Record<string, string> = Object.create(null);
  for (const issue of error.issues) {
    const key = [prefix, ...issue.path.map(String)].filter(Boolean).join(".") || (prefix ?? "input");
    if (issue.code === "unrecognized_keys") {
      for (const k of issue.keys) fields[[...issue.path.map(String), k].join(".")] = `Unknown field "${k}"`;
      continue;
    }
    fields[key] ??= issue.message;
  }
  return fields;
}

export function validationError(error: z.ZodError, where: string, prefix?: string): AppError {
  const fields = fieldsOf(error, prefix);
  const summary = Object.entries(fields)
    .slice(0, 3)
    .map(([k, m]) => `${k}: ${m}`)
    .join("; ");
  return new AppError("bad_request", `Invalid ${where}: ${summary}`, { fields });
}

export function parseWith<S extends z.ZodType>(schema: S, value: unknown, where: string): z.output<S> {
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw validationError(parsed.error, where);
  return parsed.data;
}

/**
 * A query string as a plain record. Repeated keys are refused rather than guessed at (`?a=1&a=2`
 * is how parameter-pollution probes look), and the record has no prototype to pollute.
 */
export function queryToRecord(params: URLSearchParams): Record<string, string> {
  const record: Record<string, string> = Object.create(null);
  for (const [key, value] of params) {
    if (Object.hasOwn(record, key)) {
      throw new AppError("bad_request", `Query parameter "${key}" was given more than once`, {
        fields: { [key]: "Given more than once" },
      });
    }
    record[key] = value;
  }
  return record;
}

async function readLimited(request: Request, maxBytes: number): Promise<string> {
  const declared = Number(request.headers.get("content-length") ?? "NaN");
  if (Number.isFinite(declared) && declared > maxBytes) {
    throw new AppError("payload_too_large", `Request body is larger than ${maxBytes} bytes`);
  }
  if (!request.body) return "";
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel();
      throw new AppError("payload_too_large", `Request body is larger than ${maxBytes} bytes`);
    }
    chunks.push(value);
  }
  return new TextDecoder("utf-8", { fatal: true }).decode(Buffer.concat(chunks));
}

export async function readJsonBody(request: Request, maxBytes = DEFAULT_MAX_BODY_BYTES): Promise<unknown> {
  const type = request.headers.get("content-type") ?? "";
  if (!/^application\/json(\s*;|$)/i.test(type)) {
    throw new AppError("unsupported_media_type", "Send the request body as application/json");
  }
  let text: string;
  try {
    text = await readLimited(request, maxBytes);
  } catch (err) {
    if (AppError.is(err)) throw err;
    throw new AppError("bad_request", "Request body is not valid UTF-8");
  }
  if (text.trim() === "") throw new AppError("bad_request", "Request body is empty; send a JSON object");
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new AppError("bad_request", "Request body is not valid JSON");
  }
}
