"use client";

import { useImperativeHandle, useState, type FormEvent, type Ref, type RefObject } from "react";
import { Button } from "@/components/ui/button";
import { Field, inputClass } from "@/components/ui/field";
import { Options } from "@/components/ui/options";
import { isoToLocalInput, localInputToIso } from "@/lib/time/datetime-input";
import {
  RANGE_KEYS,
  RANGE_PRESETS,
  type ParsedMessageUrl,
  type RangePreset,
  type UrlKey,
  type UrlScope,
  labelFor,
} from "@/lib/messages/search-url";
import { BULK_ONLY_KEYS, FILTERS, filterDef, filterLabel, filtersWithInput, type FilterInput, type FilterKey } from "@/lib/filters/registry";
import type { MessageFilters } from "@/lib/schemas/search";

type KeysWithInput<I extends FilterInput> = { [K in FilterKey]: (typeof FILTERS)[K]["input"] extends I ? K : never }[FilterKey];
type TextKey = KeysWithInput<"text">;
type SelectKey = KeysWithInput<"select">;
type FieldScope = UrlScope;
type RangeMode = "" | RangePreset | "custom";

interface Draft {
  text: Record<TextKey, string>;
  rangeMode: RangeMode;
  start: string;
  end: string;
  /** Chosen values of the select filters ("" for any), as the URL holds them. */
  choice: Record<SelectKey, string>;
  detectionsOnly: boolean;
}

// Which filters the bar offers comes from the registry: the search form offers the search's, the
// bulk form also those only bulk jobs have.
const TEXT_KEYS = filtersWithInput("bulk", "text") as TextKey[];
const SELECT_KEYS = filtersWithInput("bulk", "select") as SelectKey[];
const fieldsFor = (scope: FieldScope) => filtersWithInput(scope, "text") as TextKey[];
const selectsFor = (scope: FieldScope) => filtersWithInput(scope, "select") as SelectKey[];

/** The form shows what the URL says, including a bad value, so it can be seen and fixed. */
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
  // The URL changed under the form (back/forward, a pivot, Clear): show what it says now.
  if (lastParsed !== parsed) {
    setLastParsed(parsed);
    setDraft(draftFrom(parsed, scope));
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

  return (
    <form role="search" aria-label="Message filters" onSubmit={onSubmit} className="rounded border border-zinc-200 bg-white p-2.5">
      <div className="grid grid-cols-2 gap-x-2 gap-y-1.5 sm:grid-cols-4 lg:grid-cols-6 xl:grid-cols-8">
        {fieldsFor(scope).map((key) => (
          <Field key={key} label={filterLabel(key)} error={err(key)} className={key === "query" ? "col-span-2" : ""}>
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
        ))}

        <Field label="Date range" error={rangeError}>
          {(props) => (
            <select
              {...props}
              name="range"
              value={draft.rangeMode}
              onChange={(e) => choose({ rangeMode: e.target.value as RangeMode })}
              className={inputClass}
            >
              <Options values={RANGE_KEYS} any="Not set (API default)" label={(k) => RANGE_PRESETS[k].label} />
              <option value="custom">Custom…</option>
            </select>
          )}
        </Field>
        {draft.rangeMode === "custom" ? (
          <>
            <Field label="Start" error={err("start")}>
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
            <Field label="End" error={err("end")}>
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

        {selectsFor(scope).map((key) => (
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
        ))}

        <div className="flex flex-col justify-end gap-0.5">
          <label className="flex h-7 items-center gap-1.5 text-[12px] font-medium text-zinc-700">
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

        {scope === "bulk" ? (
          <p className="col-span-2 self-end text-[11px] text-zinc-600">
            {BULK_ONLY_KEYS.map(filterLabel).join(" and ")} are bulk-job filters: Cloudflare&apos;s search has neither, so the dry run cannot apply them.
          </p>
        ) : null}

        <div className="flex items-end gap-1.5">
          <Button type="submit" variant="primary">
            Search
          </Button>
          <Button variant="ghost" onClick={onClear}>
            Clear filters
          </Button>
        </div>
      </div>
    </form>
  );
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
    <Field label={label} error={error}>
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

