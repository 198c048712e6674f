// GET /api/email-security/investigate/overview — the shape of a search: a histogram, top lists and
// campaigns computed on the server from its newest matches (OVERVIEW_MAX_MESSAGES, default 5,000),
// paged at 1,000 a read; every page is paid for up front from the caller's read share and the account's budget.
import { defineRoute, ok } from "@/lib/api/route";
import { overviewQuerySchema } from "@/lib/overview/schemas";
import { overviewReads } from "@/lib/overview/collect";
import { getOverview } from "@/lib/overview/service";

export const GET = defineRoute({ permission: "read", query: overviewQuerySchema, upstreamReads: overviewReads }, async ({ query }) =>
  ok(await getOverview(query)),
);
