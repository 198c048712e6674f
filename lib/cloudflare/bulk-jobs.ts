import "server-only";
import type { BulkCreateParams } from "cloudflare/resources/email-security/investigate/bulk/bulk";
import type {
  CreateBulkJobBody,
  ListBulkJobMessagesQuery,
  ListBulkJobsQuery,
} from "@/lib/schemas/bodies";
import { upstreamRead, upstreamWrite } from "./call";
import { READ_OPTIONS, WRITE_OPTIONS } from "./client";
import { ensureShape, replyShapes } from "./reply-shapes";
import type { BulkJob, BulkJobDeleted, BulkJobMessage, PagedResultInfo } from "./types";

export interface Paged<T> {
  result: T[];
  result_info: PagedResultInfo;
}

function pagedInfo(info: Partial<PagedResultInfo> | undefined, count: number): PagedResultInfo {
  return {
    count: info?.count ?? count,
    per_page: info?.per_page ?? count,
    page: info?.page,
    next: info?.next ?? null,
    previous: info?.previous ?? null,
  };
}

export async function listBulkJobs(query: ListBulkJobsQuery): Promise<Paged<BulkJob>> {
  return upstreamRead(`jobs:${JSON.stringify(query)}`, async ({ client, accountId }) => {
    const page = await client.emailSecurity.investigate.bulk.list({ account_id: accountId, ...query }, READ_OPTIONS);
    const result = ensureShape(replyShapes.jobs, page.result ?? []);
    return { result, result_info: pagedInfo(page.result_info as Partial<PagedResultInfo>, result.length) };
  });
}

export async function createBulkJob(body: CreateBulkJobBody): Promise<BulkJob> {
  const job = await upstreamWrite(({ client, accountId }) =>
    client.emailSecurity.investigate.bulk.create(
      { account_id: accountId, ...(body as Omit<BulkCreateParams, "account_id">) },
      WRITE_OPTIONS,
    ),
  );
  return ensureShape(replyShapes.job, job);
}

export async function getBulkJob(jobId: string): Promise<BulkJob> {
  return upstreamRead(`job:${jobId}`, async ({ client, accountId }) =>
    ensureShape(replyShapes.job, await client.emailSecurity.investigate.bulk.get(jobId, { account_id: accountId }, READ_OPTIONS)),
  );
}

export async function deleteBulkJob(jobId: string): Promise<BulkJobDeleted> {
  const deleted = await upstreamWrite(({ client, accountId }) =>
    client.emailSecurity.investigate.bulk.delete(jobId, { account_id: accountId }, WRITE_OPTIONS),
  );
  return ensureShape(replyShapes.deleted, deleted);
}

export async function cancelBulkJob(jobId: string): Promise<BulkJob> {
  const job = await upstreamWrite(({ client, accountId }) =>
    client.emailSecurity.investigate.bulk.cancel.create(jobId, { account_id: accountId }, WRITE_OPTIONS),
  );
  return ensureShape(replyShapes.job, job);
}

export async function listBulkJobMessages(
  jobId: string,
  query: ListBulkJobMessagesQuery,
): Promise<Paged<BulkJobMessage>> {
  return upstreamRead(`job_messages:${jobId}:${JSON.stringify(query)}`, async ({ client, accountId }) => {
    const page = await client.emailSecurity.investigate.bulk.messages.list(
      jobId,
      { account_id: accountId, ...query },
      READ_OPTIONS,
    );
    const result = ensureShape(replyShapes.jobMessages, page.result ?? []) as BulkJobMessage[];
    return { result, result_info: pagedInfo(page.result_info as Partial<PagedResultInfo>, result.length) };
  });
}
