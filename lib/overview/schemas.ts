import { z } from "zod";
import { checkDateRange, messageFilterShape } from "@/lib/schemas/search";

/** The overview's search: the search operation's filters, no paging (it pages itself). */
export const overviewQuerySchema = z.strictObject({ ...messageFilterShape }).superRefine(checkDateRange);

/** `edf-<hash>` or `html-<hash>`: a campaign named by the fingerprint that holds most of it. */
export const campaignIdSchema = z
  .string()
  .regex(/^(edf|html)-[A-Za-z0-9]{8,128}$/, "A campaign id is edf- or html- followed by a fingerprint (letters and digits)");
export const campaignParamsSchema = z.strictObject({ campaignId: campaignIdSchema });
