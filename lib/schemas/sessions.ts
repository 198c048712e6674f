import { z } from "zod";
import type { Role } from "@/lib/auth/roles";

/** An admin ends every session of one user. */
export const endSessionsBodySchema = z.strictObject({
  email: z.string().trim().toLowerCase().min(1).max(254),
});
export type EndSessionsBody = z.infer<typeof endSessionsBodySchema>;

/** One user's live sessions, as the audit page lists them. */
export interface ActiveSessionsOfUser {
  email: string;
  /** The role given at the latest sign-in (the role in force is re-derived on each request). */
  role: Role;
  sessions: number;
  firstSignIn: string;
  lastSeen: string;
}
