import { auditQuerySchema } from "@/lib/schemas/audit";
import { dateRangeIssues } from "@/lib/schemas/search";
import { defineUrlKeys } from "@/lib/url-state/url-keys";

// The audit page's URL: the API's own query schema, key by key, so one bad filter in a link is
// named next to its control and the others still apply.
const shape = auditQuerySchema.shape;
export const AUDIT_URL_KEYS = defineUrlKeys(
  {
    email: { schema: shape.email.unwrap(), label: "User" },
    operation: { schema: shape.operation.unwrap(), label: "Operation" },
    outcome: { schema: shape.outcome.unwrap(), label: "Outcome" },
    start: { schema: shape.start.unwrap(), label: "From" },
    end: { schema: shape.end.unwrap(), label: "To" },
    page: { schema: shape.page.unwrap(), label: "Page" },
    per_page: { schema: shape.per_page.unwrap(), label: "Page size" },
  },
  (v, fail) => {
    for (const issue of dateRangeIssues(v)) fail(issue.key, issue.message);
  },
);
