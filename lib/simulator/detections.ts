// Detection details (GET /{id}/detections), derived on demand from a record's seed so the
// 10k-message account costs nothing until someone opens a message.
import { createRng, hashString } from "./prng";
import { isoSeconds, rfc2822 } from "./serialize";
import type { MessageRecord } from "./types";
import { AS_NAMES, COMPANY_DOMAIN, GEOS, THREAT_CATEGORIES } from "./vocab";

export function actionFor(m: MessageRecord): string {
  if (m.deliveryStatus.includes("rejected")) return "REJECT";
  if (m.isQuarantined) return "QUARANTINE";
  if (m.deliveryStatus.includes("moved")) return "MOVE";
  return "DELIVER";
}

export function buildHeaders(m: MessageRecord): { name: string; value: string }[] {
  const r = createRng(hashString("headers", m.seed));
  const received = rfc2822(m.scannedAt);
  const headers = [
    { name: "Return-Path", value: `<${m.envelopeFrom}>` },
    {
      name: "Received",
      value: `from ${m.senderHost} (${m.senderHost} [${m.smtpHeloIp}]) by mx${r.int(1, 4)}.email-security.example (Postfix) with ESMTPS id ${m.postfixId} for <${m.envelopeTo[0] ?? ""}>; ${received}`,
    },
    { name: "Received", value: `from localhost (localhost [127.0.0.1]) by ${m.senderHost} with ESMTP id ${r.alnum(10)}; ${rfc2822(m.sentAt)}` },
    {
      name: "Authentication-Results",
      value: `mx.email-security.example; spf=${m.validation.spf} smtp.mailfrom=${m.envelopeFrom}; dkim=${m.validation.dkim} header.d=${m.from.split("@")[1] ?? ""}; dmarc=${m.validation.dmarc} header.from=${m.from.split("@")[1] ?? ""}`,
    },
  ];
  if (m.validation.dkim !== "none") {
    headers.push({
      name: "DKIM-Signature",
      value: `v=1; a=rsa-sha256; c=relaxed/relaxed; d=${m.from.split("@")[1] ?? ""}; s=selector${r.int(1, 3)}; h=from:to:subject:date:message-id; bh=${Buffer.from(r.hex(32), "hex").toString("base64")}; b=${Buffer.from(r.hex(128), "hex").toString("base64")}`,
    });
  }
  headers.push(
    { name: "From", value: `"${m.fromName}" <${m.from}>` },
    { name: "To", value: m.to.map((a, i) => (m.toName[i] ? `"${m.toName[i]}" <${a}>` : a)).join(", ") },
    { name: "Subject", value: m.subject },
    { name: "Date", value: rfc2822(m.sentAt) },
    { name: "Message-ID", value: m.messageId },
    { name: "MIME-Version", value: "1.0" },
  );
  if (m.replyTo) headers.push({ name: "Reply-To", value: m.replyTo });
  if (m.xOriginatingIp) headers.push({ name: "X-Originating-IP", value: `[${m.xOriginatingIp}]` });
  if (m.disposition === "BULK") headers.push({ name: "List-Unsubscribe", value: `<https://${m.from.split("@")[1] ?? ""}/unsubscribe?u=${r.hex(12)}>` });
  if (m.hostile === "markup") headers.push({ name: "X-Campaign-Note", value: "<script>alert(1)</script><img src=x onerror=alert(1)>" });
  return headers;
}

export function buildDetections(m: MessageRecord): Record<string, unknown> {
  const r = createRng(hashString("detections", m.seed));
  const senderDomain = m.from.split("@")[1] ?? "";
  const [asName, asNumber] = senderDomain === COMPANY_DOMAIN ? (["ACME-CORP", 64510] as const) : r.pick(AS_NAMES);
  const isDetection = m.threatCategories.length > 0;
  const findings = isDetection
    ? [
        ...m.detectionReasons.map((reason, i) => ({
          detection: m.disposition,
          name: m.threatCategories[i] ?? m.threatCategories[0] ?? "Heuristic",
          field: i === 0 && m.links[0] ? "body" : "header",
          portion: i === 0 && m.links[0] ? "link" : "from",
          reason,
          score: Math.round((0.6 + r.next() * 0.39) * 100) / 100,
          value: i === 0 && m.links[0] ? m.links[0].href : m.from,
          detail: `Matched rule ${r.alnum(6).toUpperCase()} at ${isoSeconds(m.scannedAt)}`,
          attachment: null,
        })),
        ...m.attachments
          .filter((a) => a.detection && a.detection !== "NONE")
          .map((a) => ({
            detection: a.detection,
            name: "Attachment",
            field: "attachment",
            portion: a.name,
            reason: "Attachment content matches a known malicious payload",
            score: 0.97,
            value: a.sha256,
            detail: `${a.contentType}, ${a.size} bytes`,
            attachment: a.name,
          })),
      ]
    : [];
  return {
    action: actionFor(m),
    attachments: m.attachments.map((a) => ({
      name: a.name,
      filename: a.name,
      content_type: a.contentType,
      size: a.size,
      md5: a.md5,
      sha1: a.sha1,
      sha256: a.sha256,
      encrypted: a.encrypted,
      detection: a.detection,
    })),
    final_disposition: m.disposition,
    findings,
    headers: buildHeaders(m),
    links: m.links.map((l) => ({ href: l.href, text: l.text })),
    sender_info: {
      ip: m.smtpHeloIp,
      as_name: asName,
      as_number: asNumber,
      geo: senderDomain === COMPANY_DOMAIN ? "US" : GEOS[hashString(senderDomain) % GEOS.length] ?? "US",
      pld: senderDomain.split(".").slice(-2).join("."),
    },
    threat_categories: m.threatCategories.map((name) => ({
      id: THREAT_CATEGORIES[name]?.id ?? 0,
      name,
      description: THREAT_CATEGORIES[name]?.description ?? null,
    })),
    validation: { ...m.validation },
  };
}
