import "server-only";
import type { SubmissionListResponse } from "cloudflare/resources/email-security/submissions";
import { z } from "zod";
import type { SubmissionListQuery } from "@/lib/schemas/submissions";
import type { Submission, SubmissionPage } from "@/lib/submissions/types";
import { upstreamRead } from "./call";
import { READ_OPTIONS } from "./client";
import { readEach } from "./reply-shapes";

const submissionShape = z.looseObject({ submission_id: z.string(), requested_at: z.string() });

function toSubmission(raw: SubmissionListResponse): Submission {
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

/** Team and user submissions, as Cloudflare pages and sorts them. */
export async function listSubmissions(query: SubmissionListQuery): Promise<SubmissionPage> {
  return upstreamRead(`submissions:${JSON.stringify(query)}`, async ({ client, accountId }) => {
    const page = await client.emailSecurity.submissions.list({ account_id: accountId, ...query }, READ_OPTIONS);
    const read = readEach(submissionShape, page.result);
    const rows = read.value as SubmissionListResponse[];
    const info = page.result_info as { page?: number; per_page?: number; count?: number; total_count?: number } | undefined;
    return {
      result: rows.map(toSubmission),
      unreadable: read.unreadable,
      result_info: {
        page: info?.page ?? query.page ?? 1,
        per_page: info?.per_page ?? query.per_page ?? rows.length,
        count: info?.count ?? rows.length + read.unreadable,
        total_count: info?.total_count ?? null,
      },
    };
  });
}

// For `npm run doctor`, which reads replies exactly as the console does.
export { submissionShape, toSubmission };
