// GET /api/email-security/investigate/bulk/count — how many messages a bulk job's search matches
// now, counted by paging the search up to a cap (the approval rule's own counter), so the form can
// say how many before anything is created. A read: it changes nothing, but pages the search, so
// it is charged every page up front.
import { defineRoute, ok } from "@/lib/api/route";
import { bulkCountQuerySchema, bulkCountReads, countBulkSearch } from "@/lib/bulk/count";

export const GET = defineRoute({ permission: "read", query: bulkCountQuerySchema, upstreamReads: bulkCountReads }, async ({ query }) =>
  ok(await countBulkSearch(query)),
);
