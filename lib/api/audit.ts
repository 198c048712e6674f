import "server-only";
import { getAuditStore, type AuditStart } from "@/lib/audit/store";
import type { AuditOutcome } from "@/lib/audit/types";
import { AppError } from "@/lib/errors";
import type { Caller } from "./access";
import type { RouteReply } from "./route";

/** Per-message results say whether everything went through, or only part of it. */
function outcomeOf(result: unknown): Exclude<AuditOutcome, "pending"> {
  if (!Array.isArray(result)) return "succeeded";
  const failed = result.some(
    (item) =>
      typeof item === "object" &&
      item !== null &&
      ((item as { success?: unknown }).success === false ||
        ((item as { failed?: unknown[] }).failed?.length ?? 0) > 0),
  );
  return failed ? "partial" : "succeeded";
}

/**
 * Records a state-changing call before it is made and completes the record after. If the process
 * dies in between, the pending record is the evidence that something may have happened.
 */
export async function auditedCall(entry: AuditStart, call: () => Promise<RouteReply>): Promise<RouteReply> {
  const store = await getAuditStore();
  const id = await store.begin(entry);
  try {
    const reply = await call();
    const result = (reply.body as { result?: unknown })?.result;
    const createdJob = (result as { job_id?: unknown } | undefined)?.job_id;
    await store.complete(id, outcomeOf(result), reply.status ?? 200, result, typeof createdJob === "string" ? createdJob : undefined);
    return reply;
  } catch (err) {
    const status = AppError.is(err) ? err.status : 500;
    const message = AppError.is(err) ? err.message : "internal error";
    await store.complete(id, "failed", status, { error: message });
    throw err;
  }
}

/** A read that is itself worth recording (a raw message, an export): one completed row, no result body. */
export async function recordRead(
  caller: Caller,
  entry: Pick<AuditStart, "operation" | "messageIds" | "params">,
  result?: Record<string, unknown>,
): Promise<void> {
  await (await getAuditStore()).record({
    ...entry,
    email: caller.email,
    role: caller.role,
    ip: caller.ip,
    userAgent: caller.userAgent,
    outcome: "succeeded",
    status: 200,
    result,
  });
}
