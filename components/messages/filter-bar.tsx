"use client";

import { Revealed } from "@/components/ui/revealed";
import * as Popover from "@radix-ui/react-popover";
import { useImperativeHandle, useState, type FormEvent, type ReactNode, type Ref, type RefObject } from "react";
import { Button } from "@/components/ui/button";
import { Field, inputClass } from "@/components/ui/field";
import { Options } from "@/components/ui/options";
import { keepTyping, type FilterDraft } from "./filter-draft";
import { isoToLocalInput, localInputToIso } from "@/lib/time/datetime-input";
import {
  RANGE_KEYS,
  RANGE_PRESETS,
  type ParsedMessageUrl,
  type RangePreset,
  type UrlKey,
  type UrlScope,
  describeFilters,
  labelFor,
} from "@/lib/messages/search-url";
import {
  ALL_FILTER_KEYS,
  BULK_ONLY_KEYS,
  FILTERS,
  SEARCH_FILTER_KEYS,
  filterDef,
  filterLabel,
  filtersWithInput,
  isFilterKey,
  type FilterInput,
  type FilterKey,
} from "@/lib/filters/registry";
import type { MessageFilters } from "@/lib/schemas/search";
import { revealHidden } from "@/lib/text/reveal";

type KeysWithInput<I extends FilterInput> = { [K in FilterKey]: (typeof FILTERS)[K]["input"] extends I ? K : never }[FilterKey];
type TextKey = KeysWithInput<"text">;
type SelectKey = KeysWithInput<"select">;
type FieldScope = UrlScope;
type RangeMode = "" | RangePreset | "custom";

type Draft = FilterDraft<TextKey, SelectKey, RangeMode>;

// Which filters the bar offers comes from the registry: the search form offers the search's, the
// bulk form also those only bulk jobs have.
const TEXT_KEYS = filtersWithInput("bulk", "text") as TextKey[];
const SELECT_KEYS = filtersWithInput("bulk", "select") as SelectKey[];
const fieldsFor = (scope: FieldScope) => filtersWithInput(scope, "text") as TextKey[];
const selectsFor = (scope: FieldScope) => filtersWithInput(scope, "select") as SelectKey[];
const inScope = (scope: FieldScope, key: FilterKey) => (scope === "bulk" ? ALL_FILTER_KEYS : (SEARCH_FILTER_KEYS as FilterKey[])).includes(key);
// The registry marks the main filters (the bar's one row); the other text and select filters go
// under "More filters". Dates have their own control, the flag its checkbox.
const EDITABLE = (key: FilterKey) => filterDef(key).input === "text" || filterDef(key).input === "select";
const MAIN_KEYS = ALL_FILTER_KEYS.filter((k) => EDITABLE(k) && filterDef(k).main);
const MORE_KEYS = ALL_FILTER_KEYS.filter((k) => EDITABLE(k) && !filterDef(k).main);

/** The form shows what the URL says, including a bad value, so it can be seen and fixed. */
const emptyText = () => Object.fromEntries(TEXT_KEYS.map((key) => [key, ""])) as Record<TextKey, string>;

function draftFrom(parsed: ParsedMessageUrl, scope: FieldScope): Draft {
  const { raw, state } = parsed;
  const text = Object.fromEntries(TEXT_KEYS.map((key) => [key, fieldsFor(scope).includes(key) ? (raw[key] ?? "") : ""])) as Record<TextKey, string>;
  const choice = Object.fromEntries(SELECT_KEYS.map((key) => [key, selectsFor(scope).includes(key) ? (raw[key] ?? "") : ""])) as Record<SelectKey, string>;
  const rangeMode: RangeMode = state.range ?? (raw.range && (RANGE_KEYS as string[]).includes(raw.range) ? (raw.range as RangePreset) : raw.start || raw.end ? "custom" : "");
  return {
    text,
    rangeMode,
    start: isoToLocalInput(state.filters.start ?? raw.start),
    end: isoToLocalInput(state.filters.end ?? raw.end),
    choice,
    // The API searches detections only unless told otherwise, so "absent" means checked.
    detectionsOnly: state.filters.detections_only !== false,
  };
}

function filtersFrom(draft: Draft): { filters: MessageFilters; range?: RangePreset; unparsed: Record<string, string> } {
  const filters: Record<string, unknown> = {};
  // Values the schema will judge (a bad enum from a pasted link, an unreadable date) are passed on
  // as typed, so the URL parser reports them next to the field instead of silently dropping them.
  const unparsed: Record<string, string> = {};
  for (const key of TEXT_KEYS) {
    const v = draft.text[key].trim();
    if (v) unparsed[key] = v;
  }
  for (const key of SELECT_KEYS) {
    if (draft.choice[key]) unparsed[key] = draft.choice[key];
  }
  if (!draft.detectionsOnly) filters.detections_only = false;
  let range: RangePreset | undefined;
  if (draft.rangeMode === "custom") {
    const start = localInputToIso(draft.start);
    const end = localInputToIso(draft.end);
    if (start) filters.start = start;
    if (end) filters.end = end;
  } else if (draft.rangeMode) {
    range = draft.rangeMode;
  }
  return { filters: filters as MessageFilters, range, unparsed };
}

/** The form's values as query-string pairs (a relative range under `range`), as the URL would hold them. */
function pairsFrom(draft: Draft): Record<string, string> {
  const { filters, range, unparsed } = filtersFrom(draft);
  const pairs: Record<string, string> = { ...unparsed };
  for (const [k, v] of Object.entries(filters)) if (v !== undefined) pairs[k] = String(v);
  if (range) pairs.range = range;
  return pairs;
}

/** The filters whose control shows something other than what the URL (the applied search) says. */
function unappliedKeys(draft: Draft, parsed: ParsedMessageUrl, scope: FieldScope): UrlKey[] {
  const shown = pairsFrom(draft);
  const applied = pairsFrom(draftFrom(parsed, scope));
  const keys = new Set([...Object.keys(shown), ...Object.keys(applied)]);
  return [...keys].filter((k) => shown[k] !== applied[k]) as UrlKey[];
}

/**
 * What a form that acts on the search (the bulk form) may ask of the filter bar, so it never acts
 * on filters other than the ones it shows.
 */
export interface FilterBarHandle {
  /** The filters edited but not yet applied, with their labels. */
  unapplied(): { key: UrlKey; label: string }[];
  /** Applies the edited filters, as the Search button does. */
  apply(): void;
}

export function FilterBar({
  parsed,
  fieldErrors,
  searchInputRef,
  onApply,
  onClear,
  scope = "search",
  controlRef,
}: {
  parsed: ParsedMessageUrl;
  /** "search": exactly the search operation's filters; "bulk": also the filters only bulk jobs have. */
  scope?: FieldScope;
  /** Errors by URL key: the URL's own plus any the server returned for the last search. */
  fieldErrors: Partial<Record<UrlKey, string>>;
  searchInputRef: RefObject<HTMLInputElement | null>;
  /** Receives the form's values as query-string pairs; the caller writes them to the URL. */
  onApply: (next: { pairs: Record<string, string>; range?: RangePreset }) => void;
  onClear: () => void;
  controlRef?: Ref<FilterBarHandle>;
}) {
  const [draft, setDraft] = useState(() => draftFrom(parsed, scope));
  const [lastParsed, setLastParsed] = useState(parsed);
  // The URL changed under the form (back/forward, a pivot, Clear, a choice just applied): show
  // what it says now, except for text typed meanwhile into a field the URL did not change. A
  // choice applies at once, and its URL update can land after the next keystrokes; those must
  // not be wiped (the field would then show one thing and Search apply another).
  if (lastParsed !== parsed) {
    setLastParsed(parsed);
    setDraft(keepTyping(draft, draftFrom(lastParsed, scope), draftFrom(parsed, scope)));
  }

  const apply = (d: Draft) => {
    const { range, ...pairs } = pairsFrom(d);
    onApply({ pairs, range: range as RangePreset | undefined });
  };

  useImperativeHandle(controlRef, () => ({
    unapplied: () => unappliedKeys(draft, parsed, scope).map((key) => ({ key, label: labelFor(key) })),
    apply: () => apply(draft),
  }));

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    apply(draft);
  };
  // Choices take effect at once; typed text waits for Enter or the Search button.
  const choose = (patch: Partial<Draft>) => {
    const next = { ...draft, ...patch };
    setDraft(next);
    if (patch.rangeMode === "custom") return;
    apply(next);
  };

  const setText = (key: TextKey, value: string) => setDraft((d) => ({ ...d, text: { ...d.text, [key]: value } }));
  const err = (key: UrlKey) => fieldErrors[key];
  const rangeError = err("range") ?? (draft.rangeMode === "custom" ? undefined : err("start") ?? err("end"));

  const textField = (key: TextKey) => (
    <Field key={key} label={filterLabel(key)} error={err(key)} className={key === "query" ? "min-w-48 flex-[2_1_14rem]" : "min-w-36 flex-[1_1_11rem]"}>
      {(props) => (
        <input
          {...props}
          ref={key === "query" ? searchInputRef : undefined}
          type={key === "query" ? "search" : "text"}
          name={key}
          value={draft.text[key]}
          placeholder={filterDef(key).placeholder}
          autoComplete="off"
          spellCheck={false}
          onChange={(e) => setText(key, e.target.value)}
          className={inputClass}
        />
      )}
    </Field>
  );
  const selectField = (key: SelectKey) => (
    <EnumSelect
      key={key}
      label={filterLabel(key)}
      name={key}
      values={filterDef(key).options ?? []}
      optionLabels={filterDef(key).optionLabels}
      value={draft.choice[key]}
      error={err(key)}
      onChange={(v) => choose({ choice: { ...draft.choice, [key]: v } })}
    />
  );
  const fieldFor = (key: FilterKey) =>
    (TEXT_KEYS as FilterKey[]).includes(key) ? textField(key as TextKey) : (SELECT_KEYS as FilterKey[]).includes(key) ? selectField(key as SelectKey) : null;

  const rangeFields = (
    <>
      <Field label="Date range" error={rangeError} className="w-36 shrink-0">
        {(props) => (
          <select
            {...props}
            name="range"
            value={draft.rangeMode}
            onChange={(e) => choose({ rangeMode: e.target.value as RangeMode })}
            className={inputClass}
          >
            {/* The search always has a stated window (a bare link is the last 7 days); a bulk job may have none. */}
            <Options values={RANGE_KEYS} any={scope === "bulk" ? "Not set (API default)" : undefined} label={(k) => RANGE_PRESETS[k].label} />
            <option value="custom">Custom…</option>
          </select>
        )}
      </Field>
      {draft.rangeMode === "custom" ? (
        <>
          <Field label="Start" error={err("start")} className="w-44 shrink-0">
            {(props) => (
              <input
                {...props}
                type="datetime-local"
                name="start"
                value={draft.start}
                onChange={(e) => setDraft((d) => ({ ...d, start: e.target.value }))}
                className={inputClass}
              />
            )}
          </Field>
          <Field label="End" error={err("end")} className="w-44 shrink-0">
            {(props) => (
              <input
                {...props}
                type="datetime-local"
                name="end"
                value={draft.end}
                onChange={(e) => setDraft((d) => ({ ...d, end: e.target.value }))}
                className={inputClass}
              />
            )}
          </Field>
        </>
      ) : null}
    </>
  );

  const detectionsOnly = (
    <div className="flex flex-col justify-end gap-0.5">
      <label className="flex h-7 items-center gap-1.5 text-[12px] font-medium whitespace-nowrap text-zinc-700">
        <input
          type="checkbox"
          name="detections_only"
          checked={draft.detectionsOnly}
          onChange={(e) => choose({ detectionsOnly: e.target.checked })}
          aria-invalid={err("detections_only") ? true : undefined}
          className="size-3.5 accent-blue-700"
        />
        Detections only
      </label>
      {err("detections_only") ? <p className="text-[11px] text-red-700">{err("detections_only")}</p> : null}
    </div>
  );

  const mainKeys = MAIN_KEYS.filter((k) => inScope(scope, k));
  const moreKeys = MORE_KEYS.filter((k) => inScope(scope, k));
  const moreFields = (
    <>
      {moreKeys.map(fieldFor)}
      {detectionsOnly}
    </>
  );
  // The applied filters, each a chip that removes it: what the results are narrowed by, at a glance,
  // including the ones folded under "More filters".
  const applied = draftFrom(parsed, scope);
  const chips = appliedChips(parsed, scope);
  const moreActive = chips.filter((c) => !MAIN_KEYS.includes(c.key as FilterKey)).length;
  const moreHasError = [...moreKeys, "detections_only" as const].some((k) => err(k));
  const remove = (key: UrlKey) => apply(withoutFilter(applied, key));

  const buttons = (
    <div className="flex shrink-0 items-end gap-1.5">
      <Button type="submit" variant="primary">
        Search
      </Button>
      <Button
        variant="ghost"
        onClick={() => {
          setDraft((d) => ({ ...d, text: emptyText(), start: "", end: "" }));
          onClear();
        }}
      >
        Clear filters
      </Button>
    </div>
  );

  return (
    <form role="search" aria-label="Message filters" onSubmit={onSubmit} className="rounded border border-zinc-200 bg-white px-2.5 py-2">
      {scope === "bulk" ? (
        // The bulk form shows every filter it can send, always: nothing a job acts on is folded away.
        <div className="flex flex-wrap items-end gap-x-2 gap-y-1.5">
          {mainKeys.map(fieldFor)}
          {rangeFields}
          {moreFields}
          <p className="basis-64 self-end text-[11px] text-zinc-600">
            {BULK_ONLY_KEYS.map(filterLabel).join(" and ")} are bulk-job filters: Cloudflare&apos;s search has neither, so the dry run cannot apply them.
          </p>
          {buttons}
        </div>
      ) : (
        <div className="flex items-end gap-2">
          {mainKeys.map(fieldFor)}
          {rangeFields}
          <MoreFilters count={moreActive} hasError={moreHasError}>
            {moreFields}
          </MoreFilters>
          {buttons}
        </div>
      )}
      {chips.length > 0 ? (
        <ul aria-label="Active filters" className="mt-1.5 flex flex-wrap items-center gap-1">
          {chips.map((chip) => (
            <li key={chip.key}>
              <button
                type="button"
                onClick={() => remove(chip.key)}
                aria-label={`Remove filter ${chip.label}: ${revealHidden(chip.value)}`}
                title={`${chip.label}: ${revealHidden(chip.value)}`}
                className="inline-flex max-w-80 items-center gap-1 rounded-full border border-blue-200 bg-blue-50 py-px pr-1.5 pl-2 text-[11px] text-blue-950 hover:border-blue-400"
              >
                <span className="font-medium whitespace-nowrap">{chip.label}:</span>
                <span className="truncate">
                  <Revealed text={chip.value} />
                </span>
                <span aria-hidden="true" className="text-blue-800">
                  ×
                </span>
              </button>
            </li>
          ))}
        </ul>
      ) : null}
    </form>
  );
}

/**
 * The filters beyond the main row, in a Radix popover. Not portalled: its controls stay inside the
 * form, so Enter in one of them searches like anywhere else. It opens by itself when a link gave
 * one of them a bad value, so the error is not hidden.
 */
function MoreFilters({ count, hasError, children }: { count: number; hasError: boolean; children: ReactNode }) {
  const [open, setOpen] = useState(hasError);
  const [hadError, setHadError] = useState(hasError);
  if (hasError !== hadError) {
    setHadError(hasError);
    if (hasError) setOpen(true);
  }
  return (
    <Popover.Root open={open} onOpenChange={setOpen}>
      <Popover.Trigger className="inline-flex h-7 shrink-0 items-center gap-1 rounded border border-zinc-300 bg-white px-2.5 text-[12px] font-medium whitespace-nowrap text-zinc-800 hover:bg-zinc-100 aria-invalid:border-red-500" aria-invalid={hasError || undefined}>
        More filters
        {count > 0 ? <span className="rounded-full bg-blue-700 px-1.5 text-[11px] leading-4 text-white">{count}</span> : null}
        <span aria-hidden="true" className="text-zinc-500">
          ▾
        </span>
      </Popover.Trigger>
      <Popover.Content
        align="end"
        sideOffset={4}
        aria-label="More filters"
        className="z-30 grid w-[36rem] grid-cols-2 gap-x-2 gap-y-1.5 rounded border border-zinc-200 bg-white p-2.5 text-zinc-900 shadow-lg"
      >
        {children}
      </Popover.Content>
    </Popover.Root>
  );
}

interface Chip {
  key: UrlKey;
  label: string;
  value: string;
}

/** Chips for the applied filters; the window has its own control in the main row, so no chip. */
function appliedChips(parsed: ParsedMessageUrl, scope: FieldScope): Chip[] {
  return describeFilters(parsed.state, scope)
    .filter((f) => f.key !== "range" && f.key !== "start" && f.key !== "end")
    .map((f) => ({ ...f, value: chipValue(f.key, f.value) }));
}

function chipValue(key: UrlKey, value: string): string {
  if (key === "detections_only") return value === "false" ? "off" : "on";
  if (isFilterKey(key)) return filterDef(key).optionLabels?.[value] ?? value;
  return value;
}

/** The applied form with one filter back at its default, for a chip's remove button. */
function withoutFilter(draft: Draft, key: UrlKey): Draft {
  if (key === "detections_only") return { ...draft, detectionsOnly: true };
  if ((TEXT_KEYS as string[]).includes(key)) return { ...draft, text: { ...draft.text, [key]: "" } };
  if ((SELECT_KEYS as string[]).includes(key)) return { ...draft, choice: { ...draft.choice, [key]: "" } };
  return draft;
}

function EnumSelect({
  label,
  name,
  values,
  optionLabels,
  value,
  error,
  onChange,
}: {
  label: string;
  name: string;
  values: readonly string[];
  optionLabels?: Readonly<Record<string, string>>;
  value: string;
  error?: string;
  onChange: (value: string) => void;
}) {
  return (
    <Field label={label} error={error} className="min-w-32 flex-[1_1_9rem]">
      {(props) => (
        <select {...props} name={name} value={value} onChange={(e) => onChange(e.target.value)} className={inputClass}>
          <Options values={values} any={optionLabels?.[""] ?? "Any"} label={(v) => optionLabels?.[v] ?? v} />
          {/* A bad value from a pasted link stays visible, next to its error, until changed. */}
          {value && !values.includes(value) ? <option value={value}>{value}</option> : null}
        </select>
      )}
    </Field>
  );
}

