// GET /api/sessions — who is signed in right now (admin), so an admin can end a user's sessions.
import { defineRoute, ok } from "@/lib/api/route";
import { listActiveSessions } from "@/lib/auth/server-sessions";

export const GET = defineRoute({ permission: "admin" }, async () => ok(await listActiveSessions()));
