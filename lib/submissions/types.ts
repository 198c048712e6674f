// Client-safe: the console's shape of a submission (a reclassification request by the team or a
// user report), built in lib/cloudflare/submissions.ts from the SDK's reply.
import type { PageInfo } from "@/lib/policies/types";

export interface Submission {
  submission_id: string;
  /** `Team` or `User` as rows spell it (the filter says TEAM/USER: see lib/submissions/vocabulary.ts). */
  type: string | null;
  /** The processing status, free text. Not what the Status filter filters by. */
  status: string | null;
  /** The review status (escalated, reviewed, unreviewed): what the Status filter filters by. */
  customer_status: string | null;
  subject: string | null;
  requested_at: string;
  requested_by: string | null;
  original_disposition: string | null;
  requested_disposition: string | null;
  outcome_disposition: string | null;
  outcome: string | null;
  original_postfix_id: string | null;
}

export interface SubmissionPage {
  result: Submission[];
  result_info: PageInfo;
  /** Entries Cloudflare sent that could not be read and were left out. */
  unreadable: number;
}
