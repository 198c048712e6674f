// GET /api/audit — the console's own audit trail (admin): who did what, when, from where, and how it ended.
import { defineRoute, ok } from "@/lib/api/route";
import { getAuditStore } from "@/lib/audit/store";
import { auditQuerySchema } from "@/lib/schemas/audit";

export const GET = defineRoute({ permission: "admin", query: auditQuerySchema }, async ({ query }) => {
  const perPage = query.per_page ?? 50;
  const page = query.page ?? 1;
  // One extra row tells whether a next page exists without counting the table.
  const rows = await (await getAuditStore()).list({ ...query, limit: perPage + 1, offset: (page - 1) * perPage });
  const result = rows.slice(0, perPage);
  return ok(result, {
    result_info: { count: result.length, per_page: perPage, page, has_more: rows.length > perPage },
  });
});
