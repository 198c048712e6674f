import type { SUBMISSION_TYPES } from "@/lib/schemas/submissions";

// Client-safe. Cloudflare speaks of submissions in two vocabularies, and the page must not mix them:
// - the `type` filter takes TEAM / USER, while rows say Team / User;
// - the `status` filter is the review status (escalated, reviewed, unreviewed), which rows carry as
//   `customer_status`; a row's own `status` is its processing status, free text.
// Both are shown in the rows' words, and the Status column shows what the Status filter filters.

export type SubmissionTypeFilter = (typeof SUBMISSION_TYPES)[number];

/** The Type filter's values in the words rows use. */
export const SUBMISSION_TYPE_LABELS: Record<SubmissionTypeFilter, string> = { TEAM: "Team", USER: "User" };

/** Review statuses the API is known to use; the filter also accepts others through the URL. */
export const REVIEW_STATUSES = ["unreviewed", "reviewed", "escalated"] as const;

/** How many days Cloudflare looks back when no start is given ("Defaults to `now - 30 days`"). */
export const DEFAULT_WINDOW_DAYS = 30;
