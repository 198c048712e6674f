// GET /api/email-security/investigate/release/allowance — how many messages the caller may still
// return to mailboxes this hour without a second admin, so a dialog can say so before the click.
// Read from the console's own counts: no call to Cloudflare.
import { defineRoute, ok } from "@/lib/api/route";
import { hourlyAllowance } from "@/lib/approvals/hourly-returns";

export const GET = defineRoute({ permission: "act" }, async ({ caller }) => {
  const { perHour, remaining } = await hourlyAllowance(caller.email);
  return ok({ per_hour: perHour, remaining });
});
