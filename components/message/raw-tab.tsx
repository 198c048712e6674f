"use client";

import { Revealed } from "@/components/ui/revealed";
import { useEffect, useMemo, useState } from "react";
import { Button } from "@/components/ui/button";
import { CopyButton } from "@/components/ui/copy-button";
import { downloadFile } from "@/lib/browser/download";
import { emlFileName } from "@/lib/messages/eml-file-name";
import { capText, formatBytes, parseEml, type EmlHeader, type EmlPart, type ParsedEml } from "@/lib/messages/raw-mime";
import { useRawMessage } from "@/lib/queries/message";
import { HeaderDateNote } from "./header-date-note";
import { QueryState } from "./query-state";

/** What is laid out before "Show all": enough to read any normal message, fast on a 3 MB one. */
const INITIAL_CHARS = 64_000;

function downloadEml(raw: string, fileName: string) {
  downloadFile([raw], fileName, "message/rfc822");
}

/** Text in a <pre>, capped with a way to see the rest. Never HTML: React writes it as text. */
function CappedPre({ text, label }: { text: string; label: string }) {
  const [all, setAll] = useState(false);
  const capped = useMemo(() => capText(text, INITIAL_CHARS), [text]);
  const shown = all ? text : capped.shown;
  return (
    <div className="flex flex-col gap-1">
      <pre
        aria-label={label}
        tabIndex={0}
        className="max-h-[60vh] overflow-auto rounded border border-zinc-200 bg-zinc-50 p-2 font-mono text-[11px] leading-4 break-all whitespace-pre-wrap text-zinc-800"
      >
        <Revealed text={shown} />
      </pre>
      {capped.hiddenChars > 0 ? (
        <p className="flex items-center gap-2 text-[12px] text-zinc-600">
          {all
            ? `Showing all ${text.length.toLocaleString("en")} characters.`
            : `Showing the first ${capped.shown.length.toLocaleString("en")} of ${text.length.toLocaleString("en")} characters (${capped.hiddenLines.toLocaleString("en")} more lines).`}
          <Button onClick={() => setAll((v) => !v)}>{all ? "Show less" : `Show all of ${label.toLowerCase()}`}</Button>
        </p>
      ) : null}
    </div>
  );
}

function Part({ part }: { part: EmlPart }) {
  return (
    <li className="flex flex-col gap-1 rounded border border-zinc-200 p-2">
      <p className="text-[12px]">
        <span className="font-medium break-all">
          <Revealed text={part.label} />
        </span>{" "}
        <span className="text-zinc-600">
          · <Revealed text={part.mimeType} /> · {formatBytes(part.size)}
          {part.disposition ? (
            <>
              {" · "}
              <Revealed text={part.disposition} />
            </>
          ) : null}
        </span>
      </p>
      {part.text !== undefined ? (
        <CappedPre text={part.text} label={part.kind === "html" ? "HTML body source" : "Plain text body"} />
      ) : (
        <p className="text-[12px] text-zinc-600">Attachment content is not shown; download the .eml to examine it in a sandbox.</p>
      )}
    </li>
  );
}

/**
 * The headers, decoded by default: "=?UTF-8?B?…?=" is for mail software, not for an analyst.
 * The encoded form, exactly as the mail carries it, is one toggle away. Either way the values
 * are text (never markup), with hidden direction and zero-width characters made visible.
 */
function HeaderTable({ headers }: { headers: EmlHeader[] }) {
  const [encoded, setEncoded] = useState(false);
  const anyEncoded = headers.some((h) => h.decoded !== h.value);
  return (
    <section aria-labelledby="raw-headers" className="flex flex-col gap-1">
      <div className="flex items-center gap-2">
        <h2 id="raw-headers" className="text-[12px] font-semibold text-zinc-500 uppercase">
          Headers ({headers.length})
        </h2>
        <span className="text-[12px] text-zinc-600">{encoded ? "as encoded in the mail" : "decoded"}</span>
        {anyEncoded ? (
          <Button variant="ghost" aria-pressed={encoded} onClick={() => setEncoded((v) => !v)}>
            Show encoded form
          </Button>
        ) : null}
      </div>
      <div className="max-h-[40vh] overflow-auto rounded border border-zinc-200">
        <table aria-label={encoded ? "Raw headers (encoded)" : "Raw headers"} className="w-full border-collapse text-[12px]">
          <tbody>
            {headers.map((h, i) => (
              <tr key={i} className="border-b border-zinc-100 align-top">
                <th scope="row" className="w-48 px-2 py-0.5 text-left font-medium whitespace-nowrap">
                  <Revealed text={h.name} />
                </th>
                <td className="px-2 py-0.5 font-mono break-all">
                  <Revealed text={encoded ? h.value : h.decoded} />
                  {encoded ? null : <HeaderDateNote name={h.name} value={h.decoded} />}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

function ParsedView({ raw }: { raw: string }) {
  const [parsed, setParsed] = useState<{ raw: string; result: ParsedEml | null; error: string | null } | null>(null);
  useEffect(() => {
    let cancelled = false;
    parseEml(raw).then(
      (result) => !cancelled && setParsed({ raw, result, error: null }),
      (error: unknown) => !cancelled && setParsed({ raw, result: null, error: error instanceof Error ? error.message : "unknown error" }),
    );
    return () => {
      cancelled = true;
    };
  }, [raw]);

  if (!parsed || parsed.raw !== raw) {
    return (
      <p role="status" aria-busy="true" className="text-zinc-600">
        Reading the message structure…
      </p>
    );
  }
  if (!parsed.result) {
    return <p role="alert" className="text-red-800">The message could not be parsed ({parsed.error}); the source below is complete.</p>;
  }
  const { headers, parts } = parsed.result;
  return (
    <>
      <HeaderTable headers={headers} />
      <section aria-labelledby="raw-parts" className="flex flex-col gap-1">
        <h2 id="raw-parts" className="text-[12px] font-semibold text-zinc-500 uppercase">
          Body parts ({parts.length})
        </h2>
        {parts.length === 0 ? (
          <p className="text-zinc-600">No body.</p>
        ) : (
          <ul className="flex flex-col gap-2">
            {parts.map((p, i) => (
              <Part key={i} part={p} />
            ))}
          </ul>
        )}
      </section>
    </>
  );
}

/** The .eml as text: parsed headers and parts, then the source; download and copy. */
export function RawTab({ id, subject }: { id: string; subject: string | null | undefined }) {
  const raw = useRawMessage(id);
  return (
    <QueryState query={raw} what="the raw message">
      {({ raw: text }) => (
        <div className="flex flex-col gap-3">
          <div className="flex flex-wrap items-center gap-2">
            <Button variant="primary" onClick={() => downloadEml(text, emlFileName(subject, id))}>
              Download .eml
            </Button>
            <CopyButton variant="secondary" value={text} label="Copy raw message">
              Copy raw message
            </CopyButton>
            <span className="text-[12px] text-zinc-600">{formatBytes(new TextEncoder().encode(text).length)}</span>
          </div>
          <ParsedView raw={text} />
          <section aria-labelledby="raw-source" className="flex flex-col gap-1">
            <h2 id="raw-source" className="text-[12px] font-semibold text-zinc-500 uppercase">
              Source
            </h2>
            <CappedPre text={text} label="Source text" />
          </section>
        </div>
      )}
    </QueryState>
  );
}
