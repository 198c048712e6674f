import { z } from "zod";
import { defineUrlKeys } from "@/lib/url-state/url-keys";

/** How far back the reports page looks; Cloudflare's own default is shorter than an analyst's month. */
export const REPORT_RANGES = { "7d": 7, "30d": 30, "90d": 90 } as const;
export type ReportRange = keyof typeof REPORT_RANGES;
export const DEFAULT_REPORT_RANGE: ReportRange = "30d";

export const PHISHGUARD_URL_KEYS = defineUrlKeys({
  range: { schema: z.enum(["7d", "30d", "90d"], { message: "Range must be 7d, 30d or 90d" }), label: "Range" },
});
