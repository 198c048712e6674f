"use client";

import { Revealed } from "@/components/ui/revealed";
import { useId, useMemo, useState } from "react";
import { SimpleTable, cellClass } from "@/components/ui/simple-table";
import { Badge } from "@/components/ui/badge";
import { inputClass } from "@/components/ui/field";
import { UnreadableNote } from "@/components/ui/unreadable-note";
import type { Detections } from "@/lib/cloudflare/types";
import { formatBytes } from "@/lib/messages/raw-mime";
import { dispositionTone } from "@/lib/messages/message-view";
import { useDetections } from "@/lib/queries/message";
import { Indicator } from "./indicator";
import { HeaderDateNote } from "./header-date-note";
import { QueryState } from "./query-state";

const td = cellClass;

function Heading({ id, children }: { id: string; children: string }) {
  return (
    <h2 id={id} className="mb-1 text-[12px] font-semibold text-zinc-500 uppercase">
      {children}
    </h2>
  );
}

function HeadersTable({ headers }: { headers: NonNullable<Detections["headers"]> }) {
  const [filter, setFilter] = useState("");
  const inputId = useId();
  const shown = useMemo(() => {
    const q = filter.trim().toLowerCase();
    return q ? headers.filter((h) => h.name.toLowerCase().includes(q) || h.value.toLowerCase().includes(q)) : headers;
  }, [headers, filter]);
  return (
    <div className="flex flex-col gap-1.5">
      <div className="flex items-center gap-2">
        <label htmlFor={inputId} className="text-[12px] text-zinc-700">
          Search headers
        </label>
        <input id={inputId} type="search" value={filter} onChange={(e) => setFilter(e.target.value)} className={`${inputClass} w-72`} />
        <span role="status" className="text-[12px] text-zinc-600">
          {shown.length} of {headers.length} headers
        </span>
      </div>
      <div className="overflow-x-auto">
        <SimpleTable label="Headers" headers={["Name", "Value"]}>
          {shown.map((h, i) => (
            <tr key={i}>
              <td className={`${td} w-48 font-medium whitespace-nowrap`}>
                <Revealed text={h.name} />
              </td>
              <td className={`${td} font-mono break-all`}>
                <Revealed text={h.value} />
                <HeaderDateNote name={h.name} value={h.value} />
              </td>
            </tr>
          ))}
        </SimpleTable>
      </div>
    </div>
  );
}

function DetectionsView({ d }: { d: Detections }) {
  const base = useId();
  const findings = d.findings ?? [];
  // A list Cloudflare left out is unknown ("—"), not empty.
  const attachments = d.attachments;
  const threats = d.threat_categories;
  return (
    <div className="flex flex-col gap-4">
      <UnreadableNote count={d.unreadable} />
      <section aria-labelledby={`${base}-verdict`}>
        <Heading id={`${base}-verdict`}>Verdict</Heading>
        <p className="flex items-center gap-2">
          {d.final_disposition ? <Badge tone={dispositionTone(d.final_disposition)}>{d.final_disposition}</Badge> : "No verdict"}
          <span>
            Action: <strong>{d.action || "—"}</strong>
          </span>
        </p>
      </section>

      <section aria-labelledby={`${base}-findings`}>
        <Heading id={`${base}-findings`}>Findings</Heading>
        {findings.length === 0 ? (
          <p className="text-zinc-600">No findings.</p>
        ) : (
          <div className="overflow-x-auto">
            <SimpleTable label="Findings" headers={["Detection", "Name", "Field", "Portion", "Reason", "Score", "Value", "Detail"]}>
                {findings.map((f, i) => (
                  <tr key={i}>
                    <td className={td}>{f.detection ? <Badge tone={dispositionTone(f.detection)}>{f.detection}</Badge> : "—"}</td>
                    <td className={td}>
                      <Revealed text={f.name} fallback="—" />
                    </td>
                    <td className={td}>
                      <Revealed text={f.field} fallback="—" />
                    </td>
                    <td className={`${td} break-all`}>
                      <Revealed text={f.portion} fallback="—" />
                    </td>
                    <td className={td}>
                      <Revealed text={f.reason} fallback="—" />
                    </td>
                    <td className={`${td} tabular-nums`}>{f.score ?? "—"}</td>
                    <td className={td}>
                      {f.value ? <Indicator label="finding value" value={f.value} kind={/^[a-z][a-z0-9+.-]*:/i.test(f.value) && !f.value.includes("@") ? "url" : "text"} /> : "—"}
                    </td>
                    <td className={`${td} text-zinc-600`}>
                      <Revealed text={f.detail} fallback="—" />
                    </td>
                  </tr>
                ))}
              </SimpleTable>
          </div>
        )}
      </section>

      <section aria-labelledby={`${base}-attachments`}>
        <Heading id={`${base}-attachments`}>Attachments</Heading>
        {!attachments ? (
          <p className="text-zinc-600">—</p>
        ) : attachments.length === 0 ? (
          <p className="text-zinc-600">No attachments.</p>
        ) : (
          <div className="overflow-x-auto">
            <SimpleTable label="Attachments" headers={["Name", "Type", "Size", "Hashes", "Encrypted", "Detection"]}>
                {attachments.map((a, i) => {
                  const name = a.filename ?? a.name ?? `Attachment ${i + 1}`;
                  return (
                    <tr key={i}>
                      <td className={`${td} break-all`}>
                        <Revealed text={name} />
                      </td>
                      <td className={td}>
                        <Revealed text={a.content_type} fallback="—" />
                      </td>
                      <td className={`${td} whitespace-nowrap tabular-nums`}>{a.size != null ? formatBytes(a.size) : "—"}</td>
                      <td className={td}>
                        <dl className="grid grid-cols-[3.5rem_1fr] gap-x-1">
                          {(["md5", "sha1", "sha256"] as const).map((k) =>
                            a[k] ? (
                              <div key={k} className="contents">
                                <dt className="text-zinc-500 uppercase">{k}</dt>
                                <dd className="min-w-0">
                                  <Indicator label={`${k.toUpperCase()} of ${name}`} value={a[k] ?? ""} />
                                </dd>
                              </div>
                            ) : null,
                          )}
                        </dl>
                      </td>
                      <td className={td}>{a.encrypted == null ? "—" : a.encrypted ? "Yes" : "No"}</td>
                      <td className={td}>{a.detection ? <Badge tone={dispositionTone(a.detection)}>{a.detection}</Badge> : "—"}</td>
                    </tr>
                  );
                })}
              </SimpleTable>
          </div>
        )}
      </section>

      <section aria-labelledby={`${base}-threats`}>
        <Heading id={`${base}-threats`}>Threat categories</Heading>
        {!threats ? (
          <p className="text-zinc-600">—</p>
        ) : threats.length === 0 ? (
          <p className="text-zinc-600">None.</p>
        ) : (
          <dl className="grid grid-cols-[12rem_1fr] gap-x-3 gap-y-1 text-[12px]">
            {threats.map((c, i) => (
              <div key={i} className="contents">
                <dt className="font-medium">
                  <Revealed text={c.name ?? `Category ${c.id ?? i + 1}`} />
                </dt>
                <dd className="text-zinc-700">
                  <Revealed text={c.description} fallback="No description." />
                </dd>
              </div>
            ))}
          </dl>
        )}
      </section>

      <section aria-labelledby={`${base}-headers`}>
        <Heading id={`${base}-headers`}>Headers</Heading>
        {d.headers ? <HeadersTable headers={d.headers} /> : <p className="text-zinc-600">—</p>}
      </section>
    </div>
  );
}

export function DetectionsTab({ id }: { id: string }) {
  const detections = useDetections(id);
  return (
    <QueryState query={detections} what="detections">
      {(d) => <DetectionsView d={d} />}
    </QueryState>
  );
}
