"use client";

import { useState, type FormEvent, type RefObject } from "react";
import { Button } from "@/components/ui/button";
import { Field, inputClass } from "@/components/ui/field";
import { Options } from "@/components/ui/options";
import { isoToLocalInput, localInputToIso } from "@/lib/messages/format";
import {
  RANGE_KEYS,
  RANGE_PRESETS,
  type ParsedMessageUrl,
  type RangePreset,
  type UrlKey,
  type UrlScope,
} from "@/lib/messages/search-url";
import { DELIVERY_STATUSES, MESSAGE_ACTIONS, SEARCH_DISPOSITIONS } from "@/lib/schemas/enums";
import type { MessageFilters } from "@/lib/schemas/search";

type TextKey = "query" | "sender" | "recipient" | "subject" | "exact_subject" | "domain" | "alert_id" | "message_id" | "smtp_helo_ip" | "metric";
type FieldScope = UrlScope;
type RangeMode = "" | RangePreset | "custom";

interface Draft {
  text: Record<TextKey, string>;
  rangeMode: RangeMode;
  start: string;
  end: string;
  final_disposition: string;
  delivery_status: string;
  message_action: string;
  submission: string;
  detectionsOnly: boolean;
}

// `bulk`: a filter only bulk jobs have (Cloudflare's search operation does not), offered on the bulk form only.
const TEXT_FIELDS: { key: TextKey; label: string; placeholder?: string; wide?: boolean; only?: FieldScope }[] = [
  { key: "query", label: "Search", placeholder: "Free text: addresses, subject, ids…", wide: true },
  { key: "sender", label: "Sender", placeholder: "address or domain" },
  { key: "recipient", label: "Recipient", placeholder: "address or domain" },
  { key: "domain", label: "Domain", placeholder: "example.com" },
  { key: "subject", label: "Subject", placeholder: "contains" },
  { key: "exact_subject", label: "Exact subject", only: "bulk" },
  { key: "alert_id", label: "Alert id" },
  { key: "message_id", label: "Message-ID", placeholder: "<…@…>" },
  { key: "smtp_helo_ip", label: "HELO IP" },
  { key: "metric", label: "Metric" },
];

const fieldsFor = (scope: FieldScope) => TEXT_FIELDS.filter((f) => !f.only || f.only === scope);

/** The form shows what the URL says, including a bad value, so it can be seen and fixed. */
function draftFrom(parsed: ParsedMessageUrl, scope: FieldScope): Draft {
  const { raw, state } = parsed;
  const text = Object.fromEntries(TEXT_FIELDS.map(({ key }) => [key, fieldsFor(scope).some((f) => f.key === key) ? (raw[key] ?? "") : ""])) as Record<TextKey, string>;
  const rangeMode: RangeMode = state.range ?? (raw.range && (RANGE_KEYS as string[]).includes(raw.range) ? (raw.range as RangePreset) : raw.start || raw.end ? "custom" : "");
  return {
    text,
    rangeMode,
    start: isoToLocalInput(state.filters.start ?? raw.start),
    end: isoToLocalInput(state.filters.end ?? raw.end),
    final_disposition: raw.final_disposition ?? "",
    delivery_status: raw.delivery_status ?? "",
    message_action: raw.message_action ?? "",
    submission: scope === "bulk" ? (raw.submission ?? "") : "",
    // The API searches detections only unless told otherwise, so "absent" means checked.
    detectionsOnly: state.filters.detections_only !== false,
  };
}

function filtersFrom(draft: Draft): { filters: MessageFilters; range?: RangePreset; unparsed: Record<string, string> } {
  const filters: Record<string, unknown> = {};
  // Values the schema will judge (a bad enum from a pasted link, an unreadable date) are passed on
  // as typed, so the URL parser reports them next to the field instead of silently dropping them.
  const unparsed: Record<string, string> = {};
  for (const { key } of TEXT_FIELDS) {
    const v = draft.text[key].trim();
    if (v) unparsed[key] = v;
  }
  for (const key of ["final_disposition", "delivery_status", "message_action", "submission"] as const) {
    if (draft[key]) unparsed[key] = draft[key];
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

export function FilterBar({
  parsed,
  fieldErrors,
  searchInputRef,
  onApply,
  onClear,
  scope = "search",
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
}) {
  const [draft, setDraft] = useState(() => draftFrom(parsed, scope));
  const [lastParsed, setLastParsed] = useState(parsed);
  // The URL changed under the form (back/forward, a pivot, Clear): show what it says now.
  if (lastParsed !== parsed) {
    setLastParsed(parsed);
    setDraft(draftFrom(parsed, scope));
  }

  const apply = (d: Draft) => {
    const { filters, range, unparsed } = filtersFrom(d);
    const pairs: Record<string, string> = { ...unparsed };
    for (const [k, v] of Object.entries(filters)) if (v !== undefined) pairs[k] = String(v);
    onApply({ pairs, range });
  };

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
        {fieldsFor(scope).map(({ key, label, placeholder, wide }) => (
          <Field key={key} label={label} error={err(key)} className={wide ? "col-span-2" : ""}>
            {(props) => (
              <input
                {...props}
                ref={key === "query" ? searchInputRef : undefined}
                type={key === "query" ? "search" : "text"}
                name={key}
                value={draft.text[key]}
                placeholder={placeholder}
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

        <EnumSelect label="Disposition" name="final_disposition" values={SEARCH_DISPOSITIONS} value={draft.final_disposition} error={err("final_disposition")} onChange={(v) => choose({ final_disposition: v })} />
        <EnumSelect label="Delivery status" name="delivery_status" values={DELIVERY_STATUSES} value={draft.delivery_status} error={err("delivery_status")} onChange={(v) => choose({ delivery_status: v })} />
        <EnumSelect label="Message action" name="message_action" values={MESSAGE_ACTIONS} value={draft.message_action} error={err("message_action")} onChange={(v) => choose({ message_action: v })} />
        {scope === "bulk" ? (
          <Field label="Submissions" error={err("submission")}>
            {(props) => (
              <select {...props} name="submission" value={draft.submission} onChange={(e) => choose({ submission: e.target.value })} className={inputClass}>
                <option value="">Any</option>
                <option value="true">Submissions only</option>
                <option value="false">Not submissions</option>
                {draft.submission && !["true", "false"].includes(draft.submission) ? <option value={draft.submission}>{draft.submission}</option> : null}
              </select>
            )}
          </Field>
        ) : null}

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
            Exact subject and Submissions are bulk-job filters: Cloudflare&apos;s search has neither, so the dry run cannot apply them.
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
  value,
  error,
  onChange,
}: {
  label: string;
  name: string;
  values: readonly string[];
  value: string;
  error?: string;
  onChange: (value: string) => void;
}) {
  return (
    <Field label={label} error={error}>
      {(props) => (
        <select {...props} name={name} value={value} onChange={(e) => onChange(e.target.value)} className={inputClass}>
          <Options values={values} any="Any" />
          {/* A bad value from a pasted link stays visible, next to its error, until changed. */}
          {value && !values.includes(value) ? <option value={value}>{value}</option> : null}
        </select>
      )}
    </Field>
  );
}

