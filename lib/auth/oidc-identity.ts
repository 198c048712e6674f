import { z } from "zod";
import type { Role } from "./roles";

/** Who gets a role: emails (only verified ones count) and groups from the `groups` claim. */
export interface DirectoryList {
  emails: readonly string[];
  groups: readonly string[];
}

// Claims are the identity provider's; anything malformed is treated as absent, never guessed at.
const claimsSchema = z.object({
  sub: z.string().min(1),
  email: z.string().trim().toLowerCase().pipe(z.email()).optional().catch(undefined),
  email_verified: z.unknown().optional(),
  name: z.string().trim().min(1).max(200).optional().catch(undefined),
  groups: z
    .array(z.unknown())
    .transform((groups) => groups.filter((g): g is string => typeof g === "string").map((g) => g.trim().toLowerCase()))
    .optional()
    .catch(undefined),
});

export interface OidcIdentity {
  /** The provider's stable subject id. */
  id: string;
  /** Only an email the provider says it verified; never a username or the subject. */
  email: string | null;
  /** For display only: never used to decide a role. */
  name: string;
  role: Role;
}

/**
 * The console's view of an OpenID Connect sign-in. A role comes from a verified email named in the
 * lists, or from a group in the `groups` claim named there as `group:…`; a username that happens
 * to equal a group's name, or an email the provider did not verify, gives nothing.
 */
export function oidcIdentity(claims: unknown, lists: { admins: DirectoryList; analysts: DirectoryList }): OidcIdentity {
  const parsed = claimsSchema.parse(claims);
  const email = parsed.email_verified === true && parsed.email ? parsed.email : null;
  const role = roleFromDirectory({ email, groups: parsed.groups ?? [] }, lists);
  return { id: parsed.sub, email, name: parsed.name ?? email ?? parsed.sub, role };
}

/**
 * The role the lists give a verified email and a set of `groups` claims. Sessions ask again on
 * every request, so removing someone from a list takes effect at once.
 */
export function roleFromDirectory(
  identity: { email: string | null; groups: readonly string[] },
  lists: { admins: DirectoryList; analysts: DirectoryList },
): Role {
  const groups = new Set(identity.groups.map((g) => g.trim().toLowerCase()));
  const email = identity.email?.toLowerCase() ?? null;
  const named = (list: DirectoryList) => (email !== null && list.emails.includes(email)) || list.groups.some((g) => groups.has(g));
  return named(lists.admins) ? "admin" : named(lists.analysts) ? "analyst" : "viewer";
}
