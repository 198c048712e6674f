/**
 * Previous/next message when the page was opened from a search. The list comes from the link or
 * this tab's session memory (components/message/use-list-context.ts); this module only does the
 * arithmetic on the ids of its page.
 */

export interface Neighbours {
  /** 1-based position in the list the analyst came from. */
  position: number;
  total: number;
  previous: string | null;
  next: string | null;
}

/** Null when the message is not in the list: the page was opened from a link, not from that search. */
export function neighboursOf(ids: readonly string[], id: string): Neighbours | null {
  const index = ids.indexOf(id);
  if (index < 0) return null;
  return {
    position: index + 1,
    total: ids.length,
    previous: ids[index - 1] ?? null,
    next: ids[index + 1] ?? null,
  };
}
