import "server-only";
import { z } from "zod";
import type { PhishguardQuery, PhishguardReport } from "@/lib/phishguard/types";
import { upstreamRead } from "./call";
import { READ_OPTIONS } from "./client";
import { readEach } from "./reply-shapes";

const text = z.string().nullish().catch(null);
// Read field by field: the operation is beta; a report without its id or title is left out and counted.
const reportShape = z.looseObject({
  id: z.number(),
  title: z.string(),
  content: z.string().catch(""),
  priority: z.string().catch(""),
  disposition: text,
  tags: z.array(z.looseObject({ category: z.string().catch(""), value: z.string().catch("") })).nullish().catch(null),
  fields: z.looseObject({ to: z.array(z.string()).catch([]), from: text, occurred_at: text, postfix_id: text }).catch({ to: [] }),
  created_at: text,
});

/** PhishGuard reports for a date range (Cloudflare's default range when none is given). */
export async function listPhishguardReports(query: PhishguardQuery): Promise<{ result: PhishguardReport[]; unreadable: number }> {
  return upstreamRead(`phishguard:${JSON.stringify(query)}`, async ({ client, accountId }) => {
    const page = await client.emailSecurity.phishguard.reports.list({ account_id: accountId, ...query }, READ_OPTIONS);
    const read = readEach(reportShape, page.result);
    return {
      unreadable: read.unreadable,
      result: read.value.map((r) => ({
        id: r.id,
        title: r.title,
        content: r.content,
        priority: r.priority,
        disposition: r.disposition ?? null,
        tags: r.tags ?? [],
        from: r.fields.from ?? null,
        to: r.fields.to,
        occurred_at: r.fields.occurred_at ?? null,
        postfix_id: r.fields.postfix_id ?? null,
        created_at: r.created_at ?? null,
      })),
    };
  });
}
