import { z } from "zod";
import { MAX_VIEW_QUERY_LENGTH, canonicalViewQuery } from "./query";

// Client-safe shapes and bodies of saved views.

export const MAX_VIEW_NAME_LENGTH = 80;
/** Per person, so one account cannot fill the database or everyone's menu. */
export const MAX_VIEWS_PER_OWNER = 100;

export interface SavedView {
  id: string;
  name: string;
  /** The message page's canonical query string, without `?` (see lib/views/query.ts). */
  query: string;
  shared: boolean;
  /** Email of the person who saved it. */
  owner: string;
  created_at: string;
  updated_at: string;
}

// A shared name is read by the whole team: no control characters, bidi overrides or invisible
// formatting that could make one view look like another.
const INVISIBLE = /[\p{Cc}\p{Cf}]/u;

export const viewNameSchema = z
  .string()
  .trim()
  .min(1, "Name the view")
  .max(MAX_VIEW_NAME_LENGTH, `A view name is at most ${MAX_VIEW_NAME_LENGTH} characters`)
  .refine((name) => !INVISIBLE.test(name), "A view name cannot contain control or invisible formatting characters");

export const viewQuerySchema = z
  .string()
  .max(MAX_VIEW_QUERY_LENGTH, `A saved search is at most ${MAX_VIEW_QUERY_LENGTH} characters`)
  .transform((query, ctx) => {
    const canonical = canonicalViewQuery(query);
    if (!canonical.ok) {
      ctx.addIssue({ code: "custom", message: `Not a search the message page can run: ${canonical.message}` });
      return z.NEVER;
    }
    return canonical.query;
  });

export const createViewBodySchema = z.strictObject({
  name: viewNameSchema,
  query: viewQuerySchema,
  shared: z.boolean().default(false),
});
export type CreateViewBody = z.output<typeof createViewBodySchema>;

export const updateViewBodySchema = z
  .strictObject({ name: viewNameSchema.optional(), shared: z.boolean().optional() })
  .refine((body) => body.name !== undefined || body.shared !== undefined, "Give a new name or a sharing choice");
export type UpdateViewBody = z.output<typeof updateViewBodySchema>;

export const viewParamsSchema = z.strictObject({ id: z.uuid({ message: "A saved view id is a UUID" }) });

/** How two names are compared: one name per owner, whatever its case or surrounding spaces. */
export function viewNameKey(name: string): string {
  return name.trim().normalize("NFC").toLocaleLowerCase("en");
}
