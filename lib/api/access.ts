import "server-only";

/**
 * What a route needs the caller to be allowed to do. The sign-in issue fills `authorize` in;
 * every route already declares its permission, so that change touches this file only.
 */
export type Permission = "read" | "act" | "admin";

export interface Caller {
  /** Who is asking; `undefined` until sign-in exists. */
  email?: string;
}

export async function authorize(_request: Request, _permission: Permission): Promise<Caller> {
  return {};
}
