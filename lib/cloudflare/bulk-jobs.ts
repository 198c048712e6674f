import "server-only";
import type { BulkCreateParams } from "cloudflare/resources/email-security/investigate/bulk/bulk";
import { isSettledJob, isSettledJobMessages } from "@/lib/bulk/progress";
import type {
  CreateBulkJobBody,
  ListBulkJobMessagesQuery,
  ListBulkJobsQuery,
} from "@/lib/schemas/bodies";
import { upstreamRead, upstreamWrite } from "./call";
import { READ_OPTIONS, WRITE_OPTIONS } from "./client";
import { receivedCount, toResultInfo } from "./paging";
import { readList, readReply } from "./reply-shapes";
import type { BulkJob, BulkJobDeleted, BulkJobMessage, Paged } from "./types";

// Bulk lists are page-numbered (`page`/`per_page`): the page asked for is the page answered.
export async function listBulkJobs(query: ListBulkJobsQuery): Promise<Paged<BulkJob>> {
  return upstreamRead(`jobs:${JSON.stringify(query)}`, async ({ client, accountId }) => {
    const page = await client.emailSecurity.investigate.bulk.list({ account_id: accountId, ...query }, READ_OPTIONS);
    const { value, unreadable } = readList("jobs", page.result);
    return { result: value, unreadable, result_info: toResultInfo(page.result_info, receivedCount(page.result), query.page ?? 1) };
  }, (page) => isSettledJobMessages(page.result));
}

export async function createBulkJob(body: CreateBulkJobBody): Promise<BulkJob> {
  const job = await upstreamWrite(({ client, accountId }) =>
    client.emailSecurity.investigate.bulk.create(
      { account_id: accountId, ...(body as Omit<BulkCreateParams, "account_id">) },
      WRITE_OPTIONS,
    ),
  );
  return readReply("job", job).value;
}

export async function getBulkJob(jobId: string): Promise<BulkJob> {
  return upstreamRead(
    `job:${jobId}`,
    async ({ client, accountId }) => readReply("job", await client.emailSecurity.investigate.bulk.get(jobId, { account_id: accountId }, READ_OPTIONS)).value,
    isSettledJob,
  );
}

export async function deleteBulkJob(jobId: string): Promise<BulkJobDeleted> {
  const deleted = await upstreamWrite(({ client, accountId }) =>
    client.emailSecurity.investigate.bulk.delete(jobId, { account_id: accountId }, WRITE_OPTIONS),
  );
  return readReply("deleted", deleted).value;
}

export async function cancelBulkJob(jobId: string): Promise<BulkJob> {
  const job = await upstreamWrite(({ client, accountId }) =>
    client.emailSecurity.investigate.bulk.cancel.create(jobId, { account_id: accountId }, WRITE_OPTIONS),
  );
  return readReply("job", job).value;
}

export async function listBulkJobMessages(jobId: string, query: ListBulkJobMessagesQuery): Promise<Paged<BulkJobMessage>> {
  return upstreamRead(`job_messages:${jobId}:${JSON.stringify(query)}`, async ({ client, accountId }) => {
    const page = await client.emailSecurity.investigate.bulk.messages.list(jobId, { account_id: accountId, ...query }, READ_OPTIONS);
    const { value, unreadable } = readList("jobMessages", page.result);
    return { result: value, unreadable, result_info: toResultInfo(page.result_info, receivedCount(page.result), query.page ?? 1) };
  }, (page) => isSettledJobMessages(page.result));
}
