// GET /api/email-security/investigate — message search; a 202 from Cloudflare (search still running) is passed on so the page can poll,
// and the next poll of the same search asks at the Location Cloudflare named (lib/cloudflare/search-polls.ts).
import { defineRoute, ok } from "@/lib/api/route";
import { listMessages } from "@/lib/cloudflare";
import { messageSearchSchema } from "@/lib/schemas/search";

/** How long the browser should wait before polling a search Cloudflare is still running. */
const PENDING_POLL_SECONDS = 2;

export const GET = defineRoute({ permission: "read", query: messageSearchSchema }, async ({ query }) => {
  const page = await listMessages(query);
  if (page.pending) {
    return {
      status: 202,
      headers: { "retry-after": String(PENDING_POLL_SECONDS) },
      body: { result: [], result_info: page.result_info, unreadable: 0, pending: true },
    };
  }
  return ok(page.result, { result_info: page.result_info, unreadable: page.unreadable });
});
