import { dateRangeIssues } from "@/lib/schemas/search";
import { submissionListQuerySchema } from "@/lib/schemas/submissions";
import { defineUrlKeys } from "@/lib/url-state/url-keys";

// `/submissions?…`: the API route's own query schema, key by key, so one bad value is named and
// the rest of the link still applies.
const shape = submissionListQuerySchema.shape;
export const SUBMISSIONS_URL_KEYS = defineUrlKeys(
  {
    query: { schema: shape.query.unwrap(), label: "Search" },
    type: { schema: shape.type.unwrap(), label: "Type" },
    status: { schema: shape.status.unwrap(), label: "Status" },
    original_disposition: { schema: shape.original_disposition.unwrap(), label: "Original disposition" },
    requested_disposition: { schema: shape.requested_disposition.unwrap(), label: "Requested disposition" },
    outcome_disposition: { schema: shape.outcome_disposition.unwrap(), label: "Outcome disposition" },
    submission_id: { schema: shape.submission_id.unwrap(), label: "Submission id" },
    start: { schema: shape.start.unwrap(), label: "From" },
    end: { schema: shape.end.unwrap(), label: "To" },
    order: { schema: shape.order.unwrap(), label: "Sort by" },
    direction: { schema: shape.direction.unwrap(), label: "Direction" },
    page: { schema: shape.page.unwrap(), label: "Page" },
    per_page: { schema: shape.per_page.unwrap(), label: "Page size" },
  },
  (v, fail) => {
    for (const issue of dateRangeIssues(v)) fail(issue.key, issue.message);
  },
);
