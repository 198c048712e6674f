// GET /api/email-security/investigate/overview/campaigns/{campaignId} — one campaign of a search's
// overview with its messages: Cloudflare's search has no fingerprint filter, so the campaign is
// found again among the search's newest matches, the way the overview found it.
import { defineRoute, ok } from "@/lib/api/route";
import { campaignParamsSchema, overviewQuerySchema } from "@/lib/overview/schemas";
import { overviewReads } from "@/lib/overview/collect";
import { getCampaign } from "@/lib/overview/service";

export const GET = defineRoute({ permission: "read", params: campaignParamsSchema, query: overviewQuerySchema, upstreamReads: overviewReads }, async ({ params, query }) => {
  const { campaign, messages, coverage } = await getCampaign(query, params.campaignId);
  return ok(messages, { campaign, coverage });
});
