import { z } from "zod";
import { AUDIT_OPERATIONS, AUDIT_OUTCOMES } from "@/lib/audit/types";
import { checkDateRange, isoDateTimeSchema, pageSchema, perPageSchema } from "./search";

/** The audit page's filters: in its URL and in the API query alike. */
export const auditQuerySchema = z
  .strictObject({
    email: z.string().trim().min(1).max(254).optional(),
    operation: z.enum(AUDIT_OPERATIONS).optional(),
    outcome: z.enum(AUDIT_OUTCOMES).optional(),
    start: isoDateTimeSchema.optional(),
    end: isoDateTimeSchema.optional(),
    page: pageSchema.optional(),
    per_page: perPageSchema.optional(),
  })
  .superRefine(checkDateRange);
export type AuditQuery = z.infer<typeof auditQuerySchema>;
