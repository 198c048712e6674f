// GET /api/email-security/phishguard/reports — Cloudflare's PhishGuard reports for a date range, each naming its message by postfix id.
import { defineRoute, ok } from "@/lib/api/route";
import { listPhishguardReports } from "@/lib/cloudflare/phishguard";
import { phishguardQuerySchema } from "@/lib/phishguard/types";

export const GET = defineRoute({ permission: "read", query: phishguardQuerySchema }, async ({ query }) => {
  const { result, unreadable } = await listPhishguardReports(query);
  return ok(result, { unreadable });
});
