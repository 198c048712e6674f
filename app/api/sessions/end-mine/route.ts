// POST /api/sessions/end-mine — "Sign out everywhere": ends every session of the caller, this one included.
import { defineRoute, ok } from "@/lib/api/route";
import { clearSessionCookies } from "@/lib/auth/session-cookie";
import { revokeUserSessions } from "@/lib/auth/server-sessions";

export const POST = defineRoute(
  {
    permission: "read",
    audit: () => ({ operation: "session_revoke", params: { scope: "everywhere" } }),
  },
  async ({ caller, request }) => {
    const reply = ok({ email: caller.email, ended: await revokeUserSessions(caller.email, caller.email) });
    return { ...reply, setCookies: clearSessionCookies(request) };
  },
);
