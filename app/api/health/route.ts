// Liveness for a load balancer or orchestrator: the process answers HTTP. Public (no session, no
// budget) and says nothing else; readiness (./ready) is where the dependencies are checked.
export const dynamic = "force-dynamic";

export function GET(): Response {
  return Response.json({ status: "ok" }, { headers: { "cache-control": "no-store" } });
}
