import "server-only";
import { spendUserRequest } from "@/lib/api/user-budget";

/**
 * Charges the user's read budget for one more upstream page of an overview (the route wrapper
 * already charged the request itself, which pays for the first page). The account's budget is
 * spent by each page's upstream read in lib/cloudflare. One call, so that when the budget code
 * can charge N reads at once this is the only line to change.
 */
export async function chargeOverviewPage(email: string): Promise<void> {
  await spendUserRequest(email, "GET");
}
