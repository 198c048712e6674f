"use client";

import { useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { Checkbox } from "@/components/ui/checkbox";
import { Dialog } from "@/components/ui/dialog";
import { ActionFailure } from "@/components/ui/action-failure";
import { Field, inputClass } from "@/components/ui/field";
import { Options } from "@/components/ui/options";
import { prefillComment } from "@/lib/policies/comment";
import { senderPattern, type SenderScope } from "@/lib/policies/sender";
import { useCreateAllowPolicy, useCreateBlockedSender } from "@/lib/queries/policies";
import {
  ALLOW_KINDS,
  PATTERN_TYPES,
  createAllowPolicyBodySchema,
  createBlockedSenderBodySchema,
  type AllowKind,
  type PatternType,
} from "@/lib/schemas/policies";
import { ALLOW_KIND_TEXT, VERIFY_SENDER_TEXT } from "./allow-kinds";

export type SenderPolicyMode = "block" | "allow";

export interface SenderPolicySource {
  messageId: string;
  subject: string | null;
  sender: string | null;
  recipient: string | null;
}

/**
 * "Block sender…" / "Allow sender…": one form for the message page and the Policies page, checked
 * with the route's own schema before it is sent once. From a message it is prefilled (the
 * sender's address or domain, a literal pattern, a comment with the message's link and subject);
 * from the Policies page (`source` null) it starts empty and the pattern is typed.
 */
export function SenderPolicyDialog({
  mode,
  source,
  onClose,
  onDone,
}: {
  mode: SenderPolicyMode;
  source: SenderPolicySource | null;
  onClose: () => void;
  onDone: (text: string) => void;
}) {
  const [scope, setScope] = useState<SenderScope>("address");
  const [kind, setKind] = useState<AllowKind>("is_acceptable_sender");
  const initial = senderPattern(source?.sender, "address");
  const [pattern, setPattern] = useState(initial?.pattern ?? "");
  const [patternType, setPatternType] = useState<PatternType>(initial?.pattern_type ?? "EMAIL");
  const [isRegex, setIsRegex] = useState(false);
  const [verifySender, setVerifySender] = useState(true);
  const [comments, setComments] = useState(() =>
    source ? prefillComment({ origin: window.location.origin, messageId: source.messageId, subject: source.subject }) : "",
  );
  const [errors, setErrors] = useState<Record<string, string>>({});
  const block = useCreateBlockedSender();
  const allow = useCreateAllowPolicy();
  const mutation = mode === "block" ? block : allow;
  const inFlight = mutation.isPending;

  const choose = (nextScope: SenderScope, nextKind: AllowKind = kind) => {
    setScope(nextScope);
    if (!source) return;
    const address = nextKind === "is_exempt_recipient" ? source.recipient : source.sender;
    const next = senderPattern(address, nextScope);
    if (next) {
      setPattern(next.pattern);
      setPatternType(next.pattern_type);
    }
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (inFlight) return;
    const common = { pattern, pattern_type: patternType, is_regex: isRegex, comments: comments.trim() || null };
    const parsed =
      mode === "block"
        ? createBlockedSenderBodySchema.safeParse(common)
        : createAllowPolicyBodySchema.safeParse({ ...common, kind, verify_sender: verifySender });
    if (!parsed.success) {
      setErrors(Object.fromEntries(parsed.error.issues.map((i) => [String(i.path[0] ?? "form"), i.message])));
      return;
    }
    setErrors({});
    const onSuccess = () => onDone(mode === "block" ? `Blocked ${pattern}.` : `Allowed ${pattern} (${ALLOW_KIND_TEXT[kind].label.toLowerCase()}).`);
    if (mode === "block") block.mutate(parsed.data as never, { onSuccess });
    else allow.mutate(parsed.data as never, { onSuccess });
  };

  const who = mode === "allow" && kind === "is_exempt_recipient" ? "recipient" : "sender";
  return (
    <Dialog
      open
      onClose={() => !inFlight && onClose()}
      dismissible={!inFlight}
      title={mode === "block" ? (source ? "Block sender" : "Block a sender") : source ? "Allow sender" : "Add an allow policy"}
      alert={mutation.error ? <ActionFailure title={mode === "block" ? "Block failed" : "Allow failed"} error={mutation.error} /> : null}
      footer={
        <>
          <Button onClick={onClose} disabled={inFlight}>
            Cancel
          </Button>
          <Button type="submit" form="sender-policy-form" variant={mode === "block" ? "danger" : "primary"} disabled={inFlight}>
            {inFlight ? "Saving…" : mode === "block" ? "Block" : "Allow"}
          </Button>
        </>
      }
    >
      <form id="sender-policy-form" onSubmit={submit} className="flex flex-col gap-2.5" noValidate>
        {mode === "allow" ? (
          <fieldset className="flex flex-col gap-1">
            <legend className="text-[11px] font-medium text-zinc-600">Kind of allow policy</legend>
            {ALLOW_KINDS.map((k) => (
              <label key={k} className="flex items-start gap-2">
                <input
                  type="radio"
                  name="kind"
                  value={k}
                  checked={kind === k}
                  disabled={inFlight}
                  onChange={() => {
                    setKind(k);
                    choose(scope, k);
                  }}
                  className="mt-0.5"
                />
                <span>
                  <span className="font-medium">{ALLOW_KIND_TEXT[k].label}</span>
                  <span className="block text-[12px] text-zinc-600">{ALLOW_KIND_TEXT[k].explain}</span>
                </span>
              </label>
            ))}
          </fieldset>
        ) : null}
        {source ? (
          <fieldset className="flex gap-4">
            <legend className="text-[11px] font-medium text-zinc-600">Match the {who}’s</legend>
            {(["address", "domain"] as const).map((s) => (
              <label key={s} className="flex items-center gap-1.5">
                <input type="radio" name="scope" value={s} checked={scope === s} disabled={inFlight} onChange={() => choose(s)} />
                {s === "address" ? "Address" : "Domain"}
              </label>
            ))}
          </fieldset>
        ) : null}
        <div className="flex gap-2">
          <Field label="Pattern" error={errors.pattern} className="flex-1">
            {(p) => <input {...p} value={pattern} disabled={inFlight} onChange={(e) => setPattern(e.target.value)} className={inputClass} />}
          </Field>
          <Field label="Pattern type" error={errors.pattern_type} className="w-28">
            {(p) => (
              <select {...p} value={patternType} disabled={inFlight} onChange={(e) => setPatternType(e.target.value as PatternType)} className={inputClass}>
                <Options values={PATTERN_TYPES} />
              </select>
            )}
          </Field>
        </div>
        <label className="flex items-center gap-2">
          <Checkbox checked={isRegex} disabled={inFlight} onChange={(e) => setIsRegex(e.target.checked)} />
          Pattern is a regular expression
        </label>
        {mode === "allow" ? (
          <>
            <label className="flex items-start gap-2">
              <Checkbox checked={verifySender} disabled={inFlight} onChange={(e) => setVerifySender(e.target.checked)} className="mt-0.5" />
              <span>
                <span className="font-medium">Verify the sender</span>
                <span className="block text-[12px] text-zinc-600">{VERIFY_SENDER_TEXT}</span>
              </span>
            </label>
          </>
        ) : null}
        <Field label="Comment" error={errors.comments}>
          {(p) => <textarea {...p} rows={3} value={comments} disabled={inFlight} onChange={(e) => setComments(e.target.value)} className={`${inputClass} h-auto py-1`} />}
        </Field>
        <p className="text-[12px] text-zinc-600">
          {mode === "block"
            ? "Email Security will block new mail that matches. Mail already delivered is not touched."
            : "Email Security will apply this to new mail that matches. An allow rule weakens protection: prefer the narrowest pattern."}
        </p>
      </form>
    </Dialog>
  );
}
