// PATCH /api/views/{id} — the owner renames a view or changes whether the team sees it.
// DELETE /api/views/{id} — the owner deletes a view; an admin may also delete a shared one.
import { defineRoute, ok } from "@/lib/api/route";
import { deleteView, updateView } from "@/lib/views/service";
import { updateViewBodySchema, viewParamsSchema } from "@/lib/views/types";

export const PATCH = defineRoute(
  {
    permission: "read",
    params: viewParamsSchema,
    body: updateViewBodySchema,
    audit: ({ params, body }) => ({ operation: "view_update", params: { view_id: params.id, ...body } }),
  },
  async ({ caller, params, body }) => ok(await updateView(caller, params.id, body)),
);

export const DELETE = defineRoute(
  {
    permission: "read",
    params: viewParamsSchema,
    audit: ({ params }) => ({ operation: "view_delete", params: { view_id: params.id } }),
  },
  async ({ caller, params }) => ok(await deleteView(caller, params.id)),
);
