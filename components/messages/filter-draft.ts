/** What the filter bar's controls show, before it is applied to the URL. */
export interface FilterDraft<TextKey extends string, SelectKey extends string, RangeMode extends string> {
  text: Record<TextKey, string>;
  rangeMode: RangeMode;
  start: string;
  end: string;
  /** Chosen values of the select filters ("" for any), as the URL holds them. */
  choice: Record<SelectKey, string>;
  detectionsOnly: boolean;
}

/**
 * The draft for a URL that just changed (`after`, from `before`), keeping what the user typed
 * meanwhile into a field whose URL value did not change. A choice applies at once, and its URL
 * update can land after the next keystrokes: those must not be wiped, or the field would show
 * one thing while Search applies another. A field the URL did change shows the URL's value.
 */
export function keepTyping<T extends string, S extends string, R extends string>(
  current: FilterDraft<T, S, R>,
  before: FilterDraft<T, S, R>,
  after: FilterDraft<T, S, R>,
): FilterDraft<T, S, R> {
  const kept = (now: string, was: string, next: string) => (now !== was && next === was ? now : next);
  const text = { ...after.text };
  for (const key of Object.keys(after.text) as T[]) text[key] = kept(current.text[key], before.text[key], after.text[key]);
  return { ...after, text, start: kept(current.start, before.start, after.start), end: kept(current.end, before.end, after.end) };
}
