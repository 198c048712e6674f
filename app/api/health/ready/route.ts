import { databaseReady } from "@/lib/db";
import { rateStateReady } from "@/lib/rate-state";

// Readiness: may this instance take traffic? The database and (when configured) Redis must
// answer. Public like liveness, and just as terse: which one failed goes to the server log, not
// to whoever asks.
export const dynamic = "force-dynamic";

export async function GET(): Promise<Response> {
  const [database, rateState] = await Promise.all([databaseReady(), rateStateReady()]);
  const ready = database && rateState;
  if (!ready) console.error(`[triage] not ready: ${[!database && "database", !rateState && "Redis"].filter(Boolean).join(" and ")} unreachable`);
  return Response.json({ status: ready ? "ready" : "unavailable" }, { status: ready ? 200 : 503, headers: { "cache-control": "no-store" } });
}
