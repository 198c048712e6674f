const MAX_FILTER_TEXT = 60;

/**
 * The list's tab title names its search, so an analyst with several tabs open can tell them
 * apart: "Messages: MALICIOUS · acme.example · Last 7 days".
 */
export function messagesPageTitle(filters: readonly { value: string }[]): string {
  if (filters.length === 0) return "Messages";
  const text = filters.map((f) => f.value).join(" · ");
  return `Messages: ${text.length > MAX_FILTER_TEXT ? `${text.slice(0, MAX_FILTER_TEXT - 1)}…` : text}`;
}
