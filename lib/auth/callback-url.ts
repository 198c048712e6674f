/**
 * Where to go after sign-in: only a path on this console. `//evil.example` and absolute URLs
 * would turn the sign-in page into an open redirect.
 */
export function safeCallbackPath(value: string | string[] | undefined): string {
  const path = Array.isArray(value) ? value[0] : value;
  if (!path || !path.startsWith("/") || path.startsWith("//") || path.startsWith("/\\")) return "/messages";
  if (/[\u0000-\u001f]/.test(path) || path.startsWith("/signin")) return "/messages";
  return path;
}
