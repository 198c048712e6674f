// GET /api/email-security/investigate/overview — the shape of a search: a histogram, top lists and
// campaigns computed on the server from its newest matches (OVERVIEW_MAX_MESSAGES, default 5,000),
// paged at 1,000 a read; each page after the first is charged to the caller's read budget too.
import { defineRoute, ok } from "@/lib/api/route";
import { overviewQuerySchema } from "@/lib/overview/schemas";
import { getOverview } from "@/lib/overview/service";

export const GET = defineRoute({ permission: "read", query: overviewQuerySchema }, async ({ query, caller }) =>
  ok(await getOverview(query, caller.email)),
);
