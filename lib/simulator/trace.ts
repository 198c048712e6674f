// Postfix-style delivery traces (GET /{id}/trace). Inbound is the MX conversation; outbound is the
// hand-off to the mailbox plus any later moves and releases, which is where analysts look after a
// remediation.
import { createRng, hashString } from "./prng";
import { isoSeconds } from "./serialize";
import type { MessageRecord } from "./types";
import { COMPANY_DOMAIN } from "./vocab";

const PENDING_WINDOW_MS = 5 * 60_000;

interface Line {
  lineno: number;
  logged_at: string;
  message: string;
}

export function buildTrace(m: MessageRecord, now: number): Record<string, unknown> {
  const r = createRng(hashString("trace", m.seed));
  const pending = now - m.scannedAt < PENDING_WINDOW_MS;
  const pid = (): number => r.int(1000, 65000);
  const smtpd = pid();
  const host = `${m.senderHost}[${m.smtpHeloIp}]`;
  const size = 2000 + m.attachments.reduce((n, a) => n + Math.ceil(a.size * 1.37), 0) + m.subject.length;
  let t = m.scannedAt - 1500;
  const inbound: Line[] = [];
  const push = (lines: Line[], message: string, step = r.int(20, 400)): void => {
    t += step;
    lines.push({ lineno: lines.length + 1, logged_at: isoSeconds(t), message });
  };
  const status = m.deliveryStatus[0] ?? "delivered";
  const rcpt = m.envelopeTo[0] ?? `postmaster@${COMPANY_DOMAIN}`;
  push(inbound, `postfix/smtpd[${smtpd}]: connect from ${host}`);
  if (status === "rejected" && !m.postDeliveryOperations.length) {
    push(inbound, `postfix/smtpd[${smtpd}]: NOQUEUE: reject: RCPT from ${host}: 550 5.7.1 <${rcpt}>: Message rejected as ${m.disposition.toLowerCase()}; from=<${m.envelopeFrom}> to=<${rcpt}> proto=ESMTP helo=<${m.senderHost}>`);
    push(inbound, `postfix/smtpd[${smtpd}]: disconnect from ${host} ehlo=2 starttls=1 mail=1 rcpt=0/1 quit=1 commands=5/6`);
    return { inbound: { lines: inbound, pending: false }, outbound: { lines: [], pending: false } };
  }
  push(inbound, `postfix/smtpd[${smtpd}]: ${m.postfixId}: client=${host}`);
  push(inbound, `postfix/cleanup[${pid()}]: ${m.postfixId}: message-id=${m.messageId}`);
  push(inbound, `postfix/qmgr[${pid()}]: ${m.postfixId}: from=<${m.envelopeFrom}>, size=${size}, nrcpt=${m.envelopeTo.length} (queue active)`);
  if (pending) {
    // Still being scanned: the trace so far, and nothing outbound yet.
    return { inbound: { lines: inbound, pending: true }, outbound: { lines: [], pending: true } };
  }
  push(inbound, `email-security/scan[${pid()}]: ${m.postfixId}: disposition=${m.disposition} score=${r.int(1, 99)} reasons=${m.detectionReasons.length}`, r.int(300, 1500));
  const outbound: Line[] = [];
  const relay = `acme-example.mail.protection.mailhost.test[198.51.100.${r.int(10, 250)}]:25`;
  for (const to of m.envelopeTo) {
    if (m.isQuarantined || status === "quarantined") {
      push(inbound, `postfix/qmgr[${pid()}]: ${m.postfixId}: to=<${to}>, status=quarantined (${m.disposition} verdict)`);
    } else if (status === "bounced") {
      push(inbound, `postfix/smtp[${pid()}]: ${m.postfixId}: to=<${to}>, relay=${relay}, delay=1.4, dsn=5.1.1, status=bounced (host said: 550 5.1.1 User unknown)`);
    } else if (status === "deferred") {
      push(inbound, `postfix/smtp[${pid()}]: ${m.postfixId}: to=<${to}>, relay=none, delay=912, dsn=4.4.1, status=deferred (connect to ${relay}: Connection timed out)`);
    } else if (status === "queued") {
      push(inbound, `postfix/qmgr[${pid()}]: ${m.postfixId}: to=<${to}>, status=queued (waiting for delivery slot)`);
    } else {
      push(inbound, `postfix/smtp[${pid()}]: ${m.postfixId}: to=<${to}>, relay=${relay}, delay=${(r.next() * 3).toFixed(1)}, dsn=2.0.0, status=sent (250 2.6.0 Queued mail for delivery)`);
    }
  }
  push(inbound, `postfix/qmgr[${pid()}]: ${m.postfixId}: removed`);
  if (m.postfixIdOutbound) {
    push(outbound, `postfix/smtp[${pid()}]: ${m.postfixIdOutbound}: to=<${rcpt}>, relay=${relay}, dsn=2.0.0, status=sent (250 2.0.0 OK)`);
  }
  for (const entry of m.actionLog) {
    const detail = entry.properties.folder ? ` folder=${entry.properties.folder}` : "";
    outbound.push({
      lineno: outbound.length + 1,
      logged_at: isoSeconds(entry.completedAt),
      message: `email-security/remediation: ${m.postfixId}: ${entry.operation}${detail} requested_by=${entry.properties.requested_by} status=${entry.status}`,
    });
  }
  return { inbound: { lines: inbound, pending: false }, outbound: { lines: outbound, pending: false } };
}
