// POST /api/sessions/end — an admin ends every session of a user (a leaver, a lost laptop, a stolen cookie).
import { defineRoute, ok } from "@/lib/api/route";
import { revokeUserSessions } from "@/lib/auth/server-sessions";
import { endSessionsBodySchema } from "@/lib/schemas/sessions";

export const POST = defineRoute(
  {
    permission: "admin",
    body: endSessionsBodySchema,
    audit: ({ body }) => ({ operation: "session_revoke", params: { whose: body.email, scope: "user" } }),
  },
  async ({ body, caller }) => ok({ email: body.email, ended: await revokeUserSessions(body.email, caller.email) }),
);
