"use client";

import { Revealed } from "@/components/ui/revealed";
import { Badge } from "@/components/ui/badge";
import type { Detections, Message } from "@/lib/cloudflare/types";
import { TimeText } from "@/components/ui/time-text";
import { describeLink } from "@/lib/messages/links";
import { domainOf, senderAddress } from "@/lib/messages/message-view";
import { useDetections } from "@/lib/queries/message";
import { AuthBadges } from "./auth-badges";
import { Fact, Indicator } from "./indicator";
import { QueryState } from "./query-state";

function Time({ iso }: { iso: string | null | undefined }) {
  if (!iso) return null;
  return (
    <TimeText iso={iso} />
  );
}

function IndicatorList({ label, values, kind = "text" }: { label: string; values: readonly string[]; kind?: "text" | "url" | "domain" | "ip" }) {
  if (values.length === 0) return null;
  return (
    <ul className="flex flex-col gap-0.5">
      {values.map((v, i) => (
        <li key={`${v}-${i}`}>
          <Indicator label={label} value={v} kind={kind} />
        </li>
      ))}
    </ul>
  );
}

/**
 * Each link as the recipient saw it and where it really goes: "shown text → hxxps://evil[.]test".
 * The text is the mail's (hidden characters made visible); the address is defanged.
 */
function LinkList({ links }: { links: NonNullable<Detections["links"]> }) {
  return (
    <ul aria-label="Links in the message" className="flex flex-col gap-1">
      {links.map((l, i) => {
        const link = describeLink(l);
        return (
          <li key={`${l.href}-${i}`} className="flex flex-wrap items-center gap-1.5">
            <span className="break-words text-zinc-800">{link.shown ? (
                <>
                  “<Revealed text={link.shown} />”
                </>
              ) : (
                <span className="text-zinc-500">(no text)</span>
              )}</span>
            <span aria-hidden="true" className="text-zinc-500">
              →
            </span>
            <span className="sr-only">goes to</span>
            <Indicator label="link" value={link.href} kind="url" />
            {link.disguised ? <Badge tone="danger">text names another site</Badge> : null}
          </li>
        );
      })}
    </ul>
  );
}

function SenderNetwork({ detections }: { detections: Detections }) {
  const info = detections.sender_info ?? {};
  return (
    <>
      <Fact term="Sender IP">{info.ip ? <Indicator label="sender IP" value={info.ip} kind="ip" /> : null}</Fact>
      <Fact term="ASN">
        {info.as_number != null || info.as_name ? (
          <Indicator label="ASN" value={`AS${info.as_number ?? "?"}${info.as_name ? ` ${info.as_name}` : ""}`} />
        ) : null}
      </Fact>
      <Fact term="Country">{info.geo ? <Indicator label="country" value={info.geo} /> : null}</Fact>
      <Fact term="Sender PLD">{info.pld ? <Indicator label="sender pay-level domain" value={info.pld} kind="domain" /> : null}</Fact>
    </>
  );
}

/** Every fact Email Security has about the message, each indicator copyable. */
export function OverviewTab({ message: m }: { message: Message }) {
  const detections = useDetections(m.id);
  const address = senderAddress(m);
  const domain = domainOf(address);
  const props = m.properties ?? {};
  const recipients = (m.to ?? []).map((to, i) => (m.to_name?.[i] ? `${m.to_name[i]} <${to}>` : to));

  return (
    <div className="flex flex-col gap-4">
      <section aria-labelledby="overview-people">
        <h2 id="overview-people" className="mb-1 text-[12px] font-semibold text-zinc-500 uppercase">
          Sender and recipients
        </h2>
        <dl className="grid grid-cols-[10rem_1fr] gap-x-3 gap-y-1 text-[12px]">
          <Fact term="Sender name">{m.from_name ? <Indicator label="sender name" value={m.from_name} /> : null}</Fact>
          <Fact term="Sender address">{address ? <Indicator label="sender address" value={address} /> : m.from ? <Indicator label="From header" value={m.from} /> : null}</Fact>
          <Fact term="Sender domain">{domain ? <Indicator label="sender domain" value={domain} kind="domain" /> : null}</Fact>
          <Fact term="Reply-To">{m.replyto ? <Indicator label="Reply-To" value={m.replyto} /> : null}</Fact>
          <Fact term="Recipients">{recipients.length ? <IndicatorList label="recipient" values={recipients} /> : null}</Fact>
          <Fact term="Envelope from">{m.envelope_from ? <Indicator label="envelope from" value={m.envelope_from} /> : null}</Fact>
          <Fact term="Envelope to">{m.envelope_to?.length ? <IndicatorList label="envelope recipient" values={m.envelope_to} /> : null}</Fact>
          <Fact term="Customer recipients">
            {m.client_recipients?.length ? <IndicatorList label="customer recipient" values={m.client_recipients} /> : null}
          </Fact>
        </dl>
      </section>

      <section aria-labelledby="overview-ids">
        <h2 id="overview-ids" className="mb-1 text-[12px] font-semibold text-zinc-500 uppercase">
          Identifiers and times
        </h2>
        <dl className="grid grid-cols-[10rem_1fr] gap-x-3 gap-y-1 text-[12px]">
          <Fact term="Message-ID">{m.message_id ? <Indicator label="Message-ID" value={m.message_id} /> : null}</Fact>
          <Fact term="Alert id">{m.alert_id ? <Indicator label="alert id" value={m.alert_id} /> : null}</Fact>
          <Fact term="Investigate id">
            <Indicator label="investigate id" value={m.id} />
          </Fact>
          <Fact term="Postfix id">{m.postfix_id ? <Indicator label="postfix id" value={m.postfix_id} /> : null}</Fact>
          <Fact term="Outbound postfix id">
            {m.postfix_id_outbound ? <Indicator label="outbound postfix id" value={m.postfix_id_outbound} /> : null}
          </Fact>
          <Fact term="Delivery mode">{m.delivery_mode ? <Revealed text={m.delivery_mode} /> : null}</Fact>
          <Fact term="Sent">{m.sent_at ? <Time iso={m.sent_at} /> : m.sent_date ?? null}</Fact>
          <Fact term="Scanned">{m.scanned_at ? <Time iso={m.scanned_at} /> : null}</Fact>
          <Fact term="Campaign fingerprint">
            {m.edf_hash ? <Indicator label="EDF hash" value={m.edf_hash} /> : null}
            {m.htmltext_structure_hash ? <Indicator label="HTML structure hash" value={m.htmltext_structure_hash} /> : null}
          </Fact>
          <Fact term="Actions taken">{m.post_delivery_operations?.length ? <Revealed text={m.post_delivery_operations.join(", ")} /> : null}</Fact>
        </dl>
      </section>

      <section aria-labelledby="overview-verdict">
        <h2 id="overview-verdict" className="mb-1 text-[12px] font-semibold text-zinc-500 uppercase">
          Verdict, authentication and network
        </h2>
        <dl className="grid grid-cols-[10rem_1fr] gap-x-3 gap-y-1 text-[12px]">
          <Fact term="Threat categories">
            {m.threat_categories?.length ? (
              <span className="flex flex-wrap gap-1">
                {m.threat_categories.map((c) => (
                  <Badge key={c} tone="warning">
                    <Revealed text={c} />
                  </Badge>
                ))}
              </span>
            ) : null}
          </Fact>
          <Fact term="SPF / DKIM / DMARC">
            <AuthBadges validation={m.validation} />
            {m.validation?.comment ? (
              <span className="ml-2 text-zinc-600">
                <Revealed text={m.validation.comment} />
              </span>
            ) : null}
          </Fact>
          <Fact term="HELO server IP">{m.smtp_helo_server_ip ? <Indicator label="HELO server IP" value={m.smtp_helo_server_ip} kind="ip" /> : null}</Fact>
          <Fact term="Previous hop IP">{m.smtp_previous_hop_ip ? <Indicator label="previous hop IP" value={m.smtp_previous_hop_ip} kind="ip" /> : null}</Fact>
          <Fact term="X-Originating-IP">{m.x_originating_ip ? <Indicator label="X-Originating-IP" value={m.x_originating_ip} kind="ip" /> : null}</Fact>
          <Fact term="Allow list">
            {props.allowlisted_pattern ? (
              <>
                <Indicator label="allow-list pattern" value={props.allowlisted_pattern} />
                {props.allowlisted_pattern_type ? (
                  <span className="ml-1 text-zinc-600">
                    (<Revealed text={props.allowlisted_pattern_type} />)
                  </span>
                ) : null}
              </>
            ) : null}
          </Fact>
          <Fact term="Block list">
            {props.blocklisted_pattern ? <Indicator label="block-list pattern" value={props.blocklisted_pattern} /> : props.blocklisted_message ? "Message is block-listed" : null}
          </Fact>
        </dl>
      </section>

      <section aria-labelledby="overview-network">
        <h2 id="overview-network" className="mb-1 text-[12px] font-semibold text-zinc-500 uppercase">
          Sending network and links
        </h2>
        <QueryState query={detections} what="sender details">
          {(d) => (
            <dl className="grid grid-cols-[10rem_1fr] gap-x-3 gap-y-1 text-[12px]">
              <SenderNetwork detections={d} />
              <Fact term="Links">{d.links?.length ? <LinkList links={d.links} /> : null}</Fact>
            </dl>
          )}
        </QueryState>
      </section>
    </div>
  );
}
