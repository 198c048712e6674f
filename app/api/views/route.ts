// GET /api/views — my saved views and the team's shared ones.
// POST /api/views — save the search page's current query under a name (private, or shared with the team).
import { defineRoute, ok } from "@/lib/api/route";
import { createView, listViews } from "@/lib/views/service";
import { createViewBodySchema } from "@/lib/views/types";

export const GET = defineRoute({ permission: "read" }, async ({ caller }) => ok(await listViews(caller)));

// "read": viewers may save views for themselves (lib/views/rules.ts); as a POST it still spends the
// caller's write budget and must come from the console's own origin, like every change.
export const POST = defineRoute(
  {
    permission: "read",
    body: createViewBodySchema,
    audit: ({ body }) => ({ operation: "view_create", params: { name: body.name, query: body.query, shared: body.shared } }),
  },
  async ({ caller, body }) => ({ ...ok(await createView(caller, body)), status: 201 }),
);
