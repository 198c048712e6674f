// GET /api/audit/export — the filtered audit trail as CSV (admin), for a case file or a spreadsheet.
import { recordRead } from "@/lib/api/audit";
import { defineRoute } from "@/lib/api/route";
import { auditToCsv } from "@/lib/audit/csv";
import { getAuditStore } from "@/lib/audit/store";
import { auditQuerySchema } from "@/lib/schemas/audit";

/** Enough for any investigation window; a larger export should be narrowed by date. */
const MAX_EXPORT_ROWS = 10_000;

export const GET = defineRoute(
  { permission: "admin", query: auditQuerySchema },
  async ({ query, caller }) => {
    const { page: _page, per_page: _perPage, ...filter } = query;
    const rows = await (await getAuditStore()).list({ ...filter, limit: MAX_EXPORT_ROWS });
    await recordRead(caller, { operation: "audit_export", params: filter }, { rows: rows.length });
    return {
      body: auditToCsv(rows),
      raw: true,
      headers: {
        "content-type": "text/csv; charset=utf-8",
        "content-disposition": `attachment; filename="triage-audit-${new Date().toISOString().slice(0, 10)}.csv"`,
      },
    };
  },
);
