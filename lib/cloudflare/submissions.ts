import "server-only";
import type { SubmissionListQuery } from "@/lib/schemas/submissions";
import type { Submission, SubmissionPage } from "@/lib/submissions/types";
import { upstreamRead } from "./call";
import { READ_OPTIONS } from "./client";
import { pageInfo, receivedCount } from "./page-info";
import { submissionReplySchema, type SubmissionReply } from "./reply-schemas";
import { readEach } from "./reply-shapes";

function toSubmission(raw: SubmissionReply): Submission {
  return {
    submission_id: raw.submission_id,
    type: raw.type ?? null,
    status: raw.status ?? null,
    customer_status: raw.customer_status ?? null,
    subject: raw.subject ?? null,
    requested_at: raw.requested_at,
    requested_by: raw.requested_by ?? null,
    original_disposition: raw.original_disposition ?? null,
    requested_disposition: raw.requested_disposition ?? null,
    outcome_disposition: raw.outcome_disposition ?? null,
    outcome: raw.outcome ?? null,
    original_postfix_id: raw.original_postfix_id ?? null,
  };
}

/** Team and user submissions, as Cloudflare pages and sorts them (without `start`, the last 30 days). */
export async function listSubmissions(query: SubmissionListQuery): Promise<SubmissionPage> {
  return upstreamRead(`submissions:${JSON.stringify(query)}`, async ({ client, accountId }) => {
    const page = await client.emailSecurity.submissions.list({ account_id: accountId, ...query }, READ_OPTIONS);
    const read = readEach(submissionReplySchema, page.result);
    return { result: read.value.map(toSubmission), unreadable: read.unreadable, result_info: pageInfo(page.result_info, receivedCount(page.result), query) };
  });
}

// For `npm run doctor`, which reads replies exactly as the console does.
export { toSubmission };
