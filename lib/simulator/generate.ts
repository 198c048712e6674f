// Builds the simulated account: ~10k message records over the last 90 days, phishing campaigns,
// and a handful of fixtures the UI must survive. Only the cheap summary fields are built here;
// detections, traces, previews and raw .eml are derived lazily from each record's seed.
import { createRng, hashString, type Rng } from "./prng";
import type { ActionEntry, AttachmentRecord, DeliveryStatus, Destination, Disposition, LinkRecord, MessageRecord, ValidationStatus } from "./types";
import {
  ATTACHMENT_TYPES, BEC_SUBJECTS, BENIGN_SUBJECTS, CAMPAIGNS, COMPANY_DOMAIN, FIRST_NAMES, FREEMAIL_DOMAINS,
  LAST_NAMES, MALICIOUS_ATTACHMENTS, MALICIOUS_DOMAINS, NEWSLETTER_DOMAINS, NEWSLETTER_SUBJECTS, PARTNER_DOMAINS, SAAS_DOMAINS,
  SPAM_DOMAINS, SPAM_SUBJECTS, SUSPICIOUS_SUBJECTS, TOPICS,
} from "./vocab";
import { addFixtures, HOSTILE_FROM_NAME } from "./fixtures";
import { addWaveCampaigns, type WaveCampaignFacts } from "./wave-campaigns";

export interface SimulatorFixtures {
  hostileId: string;
  hugeId: string;
  quarantinedId: string;
  deliveredId: string;
  noPreviewId: string;
  undeliverableId: string;
  campaignEdfHash: string;
  campaignSender: string;
  campaignSubject: string;
  /** The campaigns that come in waves from changing senders (wave-campaigns.ts), with the structure hash of the template one. */
  waveCampaigns: Omit<WaveCampaignFacts, "htmlTemplate"> & { templateHtmlHash: string };
  /** Variance mode with oddIds on: a message whose investigate id contains `.` and `+`. */
  oddIdMessage?: string;
  accountId?: never;
}

export interface Dataset {
  /** Newest first by scanned time, ties broken by id: the order search answers in. */
  messages: MessageRecord[];
  byId: Map<string, MessageRecord>;
  fixtures: SimulatorFixtures;
}

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

export interface Person {
  name: string;
  email: string;
}

export interface Draft {
  disposition: Disposition;
  from: string;
  fromName: string;
  subject: string;
  to?: Person[];
  senderDomain: string;
  categories?: string[];
  reasons?: string[];
  campaign?: number;
  attachment?: readonly [string, string] | null;
  linkHost?: string;
  replyTo?: string | null;
  edfHash?: string;
  htmlHash?: string;
  delivery?: DeliveryStatus;
}

export function generateDataset(seed: number, now: number, count: number): Dataset {
  const rng = createRng(seed);
  const staff = buildStaff(rng);
  const messages: MessageRecord[] = [];
  const seenIds = new Set<string>();
  let index = 0;
  const add = (draft: Draft, scannedAt: number, tweak?: (m: MessageRecord) => void): MessageRecord => {
    const record = buildRecord(seed, index++, draft, scannedAt, now, staff);
    tweak?.(record);
    if (seenIds.has(record.id)) record.id = `${record.id.slice(0, -8)}${String((Number(record.id.slice(-8)) + 1) % 1e8).padStart(8, "0")}`;
    seenIds.add(record.id);
    messages.push(record);
    return record;
  };

  const fixtures = addFixtures(add, rng, staff, now);

  const campaignRng = createRng(hashString("campaigns", seed));
  let featured: { edf: string; sender: string; subject: string } | null = null;
  CAMPAIGNS.forEach((campaign, c) => {
    const size = c === 0 ? campaignRng.int(120, 180) : campaign.disposition === "MALICIOUS-BEC" ? campaignRng.int(20, 30) : campaignRng.int(20, 70);
    // The featured campaign is recent so the default 30-day search window shows it.
    const startOffset = c === 0 ? campaignRng.int(2, 9) * DAY : campaignRng.int(3, 84) * DAY;
    const span = campaignRng.int(1, 5) * DAY;
    const edf = campaignRng.hex(64);
    const htmlHash = campaignRng.hex(64);
    for (let k = 0; k < size && messages.length < count; k++) {
      const local = campaignRng.pick(campaign.localParts);
      const victim = campaignRng.pick(staff);
      const variant = campaignRng.pick([victim.name.split(" ")[0] ?? "team", `ref ${campaignRng.int(1000, 9999)}`, `#${campaignRng.int(10000, 99999)}`]);
      const from = `${local}@${campaign.domain}`;
      add(
        {
          disposition: campaign.disposition,
          from,
          fromName: campaign.fromName,
          subject: `${campaign.subject} - ${variant}`,
          to: [victim],
          senderDomain: campaign.domain,
          categories: [...campaign.categories],
          campaign: c,
          attachment: campaign.attachment ?? null,
          linkHost: campaign.linkHost,
          replyTo: campaign.disposition === "MALICIOUS-BEC" ? `${local}.desk@${campaignRng.pick(FREEMAIL_DOMAINS)}` : null,
          edfHash: edf,
          htmlHash,
        },
        now - startOffset + Math.floor(campaignRng.next() * span),
      );
      if (c === 0 && !featured) featured = { edf, sender: from, subject: campaign.subject };
    }
  });

  const remaining = Math.max(0, count - messages.length);
  for (let k = 0; k < remaining; k++) {
    const r = createRng(hashString(`m${k}`, seed));
    // A few messages arrive "right now" so traces can be pending.
    const scannedAt = k < 6 ? now - r.int(10, 170) * SECOND : now - Math.floor(r.next() * 90 * DAY);
    add(draftOrdinary(r, staff), scannedAt);
  }
  // Appended last, so every message above keeps its index, and with it its seed, id and fields.
  const { htmlTemplate, ...waves } = addWaveCampaigns(add, seed, now, staff);

  messages.sort((a, b) => b.scannedAt - a.scannedAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const byId = new Map(messages.map((m) => [m.id, m]));
  const f = featured as { edf: string; sender: string; subject: string } | null;
  return {
    messages,
    byId,
    fixtures: {
      ...fixtures,
      campaignEdfHash: f?.edf ?? "",
      campaignSender: f?.sender ?? "",
      campaignSubject: f?.subject ?? "",
      waveCampaigns: { ...waves, templateHtmlHash: hashHex(htmlTemplate, seed) },
    },
  };
}

function buildStaff(rng: Rng): Person[] {
  const staff: Person[] = [];
  const used = new Set<string>();
  while (staff.length < 200) {
    const first = rng.pick(FIRST_NAMES);
    const last = rng.pick(LAST_NAMES);
    const email = `${first}.${last}@${COMPANY_DOMAIN}`.toLowerCase();
    if (used.has(email)) continue;
    used.add(email);
    staff.push({ name: `${first} ${last}`, email });
  }
  return staff;
}

function fill(template: string, r: Rng, company: string): string {
  return template
    .replace("{n}", String(r.int(100, 99999)))
    .replace("{topic}", r.pick(TOPICS))
    .replace("{company}", company);
}

function companyName(domain: string): string {
  const label = domain.split(".").slice(-2, -1)[0] ?? domain;
  return label
    .split("-")
    .map((w) => w.charAt(0).toUpperCase() + w.slice(1))
    .join(" ");
}

function draftOrdinary(r: Rng, staff: Person[]): Draft {
  const disposition = r.weighted<Disposition>([
    ["NONE", 72],
    ["SPAM", 10],
    ["BULK", 11],
    ["SUSPICIOUS", 1.5],
    ["SPOOF", 1],
    ["MALICIOUS", 0.5],
    ["MALICIOUS-BEC", 0.1],
    ["ENCRYPTED", 1.5],
    ["EXTERNAL", 1.5],
    ["UNKNOWN", 0.9],
  ]);
  const person = (): Person => r.pick(staff);
  const first = r.pick(FIRST_NAMES);
  const last = r.pick(LAST_NAMES);
  switch (disposition) {
    case "BULK": {
      const domain = r.pick(NEWSLETTER_DOMAINS);
      return { disposition, from: `newsletter@${domain}`, fromName: companyName(domain), subject: fill(r.pick(NEWSLETTER_SUBJECTS), r, ""), senderDomain: domain, categories: ["Bulk"], htmlHash: `bulk:${domain}` };
    }
    case "SPAM": {
      const domain = r.pick(SPAM_DOMAINS);
      return { disposition, from: `${r.pick(["deals", "info", "winner", "sales"])}${r.int(1, 99)}@${domain}`, fromName: companyName(domain), subject: r.pick(SPAM_SUBJECTS), senderDomain: domain, categories: ["Spam"] };
    }
    case "SUSPICIOUS":
    case "MALICIOUS": {
      const domain = r.pick(MALICIOUS_DOMAINS);
      return {
        disposition,
        from: `${r.pick(["notice", "support", "admin", "service"])}@${domain}`,
        fromName: r.pick(["IT Service Desk", "Mail Administrator", "Billing Department", "Document Center"]),
        subject: fill(r.pick(SUSPICIOUS_SUBJECTS), r, ""),
        senderDomain: domain,
        categories: disposition === "MALICIOUS" ? ["CredentialHarvester", "Link"] : ["Link"],
        linkHost: domain,
        attachment: disposition === "MALICIOUS" && r.chance(0.4) ? r.pick(MALICIOUS_ATTACHMENTS) : null,
      };
    }
    case "SPOOF": {
      const domain = r.pick(PARTNER_DOMAINS);
      return { disposition, from: `accounts@${domain}`, fromName: companyName(domain), subject: fill(r.pick(BENIGN_SUBJECTS), r, companyName(domain)), senderDomain: domain, categories: ["Spoof"] };
    }
    case "MALICIOUS-BEC": {
      const domain = r.pick(FREEMAIL_DOMAINS);
      return { disposition, from: `exec.${last.toLowerCase()}${r.int(1, 99)}@${domain}`, fromName: `${first} ${last}`, subject: r.pick(BEC_SUBJECTS), senderDomain: domain, categories: ["BEC", "Impersonation"], replyTo: `${first.toLowerCase()}.${r.int(100, 999)}@${r.pick(FREEMAIL_DOMAINS)}` };
    }
    default: {
      const kind = r.weighted<"internal" | "partner" | "saas">([["internal", 25], ["partner", 55], ["saas", 20]]);
      if (kind === "internal") {
        const sender = person();
        return { disposition, from: sender.email, fromName: sender.name, subject: fill(r.pick(BENIGN_SUBJECTS), r, "ACME"), senderDomain: COMPANY_DOMAIN, attachment: r.chance(0.15) ? r.pick(ATTACHMENT_TYPES) : null };
      }
      const domain = kind === "partner" ? r.pick(PARTNER_DOMAINS) : r.pick(SAAS_DOMAINS);
      const from = kind === "partner" ? `${first}.${last}@${domain}`.toLowerCase() : `${r.pick(["no-reply", "notifications", "billing"])}@${domain}`;
      return {
        disposition,
        from,
        fromName: kind === "partner" ? `${first} ${last}` : companyName(domain),
        subject: fill(r.pick(BENIGN_SUBJECTS), r, companyName(domain)),
        senderDomain: domain,
        attachment: r.chance(kind === "partner" ? 0.2 : 0.05) ? r.pick(ATTACHMENT_TYPES) : null,
        linkHost: r.chance(0.5) ? `www.${domain.split(".").slice(-2).join(".")}` : undefined,
      };
    }
  }
}

function ipFor(text: string, seed: number): string {
  const h = hashString(text, seed);
  const prefix = ["192.0.2", "198.51.100", "203.0.113"][h % 3];
  return `${prefix}.${(h >>> 8) % 254 + 1}`;
}

function validationFor(d: Disposition, r: Rng): MessageRecord["validation"] {
  const v = (spf: ValidationStatus, dkim: ValidationStatus, dmarc: ValidationStatus, comment: string | null = null) => ({ spf, dkim, dmarc, comment });
  switch (d) {
    case "SPOOF":
      return v("fail", r.pick<ValidationStatus>(["fail", "none"]), "fail", "Sender domain failed DMARC alignment");
    case "MALICIOUS":
      return r.chance(0.6) ? v("pass", r.pick<ValidationStatus>(["pass", "none"]), r.pick<ValidationStatus>(["none", "pass"])) : v(r.pick<ValidationStatus>(["fail", "neutral"]), "none", r.pick<ValidationStatus>(["fail", "none"]));
    case "MALICIOUS-BEC":
      return v("pass", r.pick<ValidationStatus>(["pass", "none"]), r.pick<ValidationStatus>(["pass", "none"]), "Display name impersonates an internal executive");
    case "SUSPICIOUS":
      return v(r.pick<ValidationStatus>(["pass", "neutral"]), r.pick<ValidationStatus>(["none", "pass"]), r.pick<ValidationStatus>(["none", "pass"]));
    case "SPAM":
      return v(r.pick<ValidationStatus>(["pass", "neutral", "fail"]), r.pick<ValidationStatus>(["pass", "none"]), r.pick<ValidationStatus>(["pass", "none", "fail"]));
    case "UNKNOWN":
      return v("neutral", "none", "none");
    default:
      return r.chance(0.93) ? v("pass", "pass", "pass") : v("pass", "none", "pass");
  }
}

const DETECTION_REASONS: Record<string, string[]> = {
  CredentialHarvester: ["Link leads to a credential harvesting page", "Page imitates a Microsoft 365 sign-in"],
  Malware: ["Attachment matches known malware family", "Payload downloads a second-stage executable"],
  BEC: ["Display name matches an executive but sender is external", "Reply-To differs from From and uses a free mail provider"],
  Spoof: ["SPF and DMARC fail for a domain that publishes p=reject"],
  Link: ["Link domain registered less than 30 days ago"],
  Attachment: ["Attachment type is commonly weaponised"],
  Spam: ["Content matches high-confidence spam signatures"],
  Bulk: ["Sender is a known bulk-mail service"],
  Impersonation: ["Sender domain is a lookalike of a trusted brand"],
};

function deliveryFor(d: Disposition, r: Rng): DeliveryStatus {
  switch (d) {
    case "MALICIOUS":
      return r.weighted<DeliveryStatus>([["quarantined", 85], ["rejected", 5], ["delivered", 10]]);
    case "MALICIOUS-BEC":
      return r.weighted<DeliveryStatus>([["quarantined", 70], ["delivered", 30]]);
    case "SPOOF":
      return r.weighted<DeliveryStatus>([["quarantined", 50], ["delivered", 45], ["rejected", 5]]);
    case "SUSPICIOUS":
      return r.weighted<DeliveryStatus>([["quarantined", 40], ["delivered", 60]]);
    case "SPAM":
      return r.weighted<DeliveryStatus>([["quarantined", 30], ["delivered", 66], ["bounced", 2], ["rejected", 2]]);
    case "BULK":
      return r.weighted<DeliveryStatus>([["delivered", 98], ["deferred", 1], ["bounced", 1]]);
    default:
      return r.weighted<DeliveryStatus>([["delivered", 96.5], ["deferred", 1], ["bounced", 1], ["queued", 0.5], ["rejected", 1]]);
  }
}

function iso(ms: number): string {
  return new Date(ms).toISOString();
}

/** `4Njp3P0STMz2c02Q-2026-11-20T10:00:00-12345678`: postfix id, scanned second, 8 digits. */
function investigateId(postfixId: string, scannedAt: number, r: Rng): string {
  return `${postfixId}-${iso(scannedAt).slice(0, 19)}-${String(r.int(0, 99_999_999)).padStart(8, "0")}`;
}

function buildRecord(seed: number, index: number, draft: Draft, scannedAt: number, now: number, staff: Person[]): MessageRecord {
  const msgSeed = hashString(`msg${index}`, seed);
  const r = createRng(msgSeed);
  const postfixId = r.alnum(16);
  const recipients = draft.to ?? [r.pick(staff)];
  const bcc = draft.campaign === undefined && r.chance(0.03);
  const to = bcc ? [`all-staff@${COMPANY_DOMAIN}`] : recipients.map((p) => p.email);
  const toName = bcc ? ["All Staff"] : recipients.map((p) => p.name);
  const d = draft.disposition;
  const isDetection = d !== "NONE" && d !== "ENCRYPTED" && d !== "EXTERNAL" && d !== "UNKNOWN";
  const delivery = draft.delivery ?? deliveryFor(d, r);
  const senderHost = draft.senderDomain === COMPANY_DOMAIN ? `mail.${COMPANY_DOMAIN}` : `${r.pick(["mail", "smtp", "mx-out", "relay"])}${r.int(1, 9)}.${draft.senderDomain}`;
  const heloIp = ipFor(draft.senderDomain, seed);
  const categories = draft.categories ?? [];
  const reasons = draft.reasons ?? (isDetection ? categories.flatMap((c) => (DETECTION_REASONS[c] ?? []).slice(0, 1)) : []);
  const sentAt = scannedAt - r.int(1, delivery === "deferred" ? 1800 : 90) * SECOND;
  const attachments: AttachmentRecord[] = [];
  if (draft.attachment) {
    const [ext, contentType] = draft.attachment;
    const stem = r.pick(["invoice", "document", "scan", "report", "statement", "Q3-summary", "contract", "payment"]);
    attachments.push({
      name: `${stem}_${r.int(1000, 9999)}.${ext}`,
      contentType,
      size: ext === "ics" ? r.int(600, 3000) : r.int(4_000, 180_000),
      md5: r.hex(32),
      sha1: r.hex(40),
      sha256: r.hex(64),
      encrypted: d === "ENCRYPTED" || (ext === "zip" && r.chance(0.3)),
      detection: isDetection && draft.campaign !== undefined ? d : isDetection && (d === "MALICIOUS" || d === "SUSPICIOUS") ? d : "NONE",
      seed: r.int(1, 2 ** 31),
    });
    if (draft.campaign !== undefined) {
      // Campaigns reuse one payload, so its hashes tie the messages together in search.
      const c = createRng(hashString(`campaign-attachment${draft.campaign}`, seed));
      const a = attachments[0];
      if (a) Object.assign(a, { md5: c.hex(32), sha1: c.hex(40), sha256: c.hex(64), size: c.int(4_000, 90_000), seed: c.int(1, 2 ** 31) });
    }
  }
  const links: LinkRecord[] = [];
  if (draft.linkHost) {
    const path = r.pick(["login", "verify", "docs/view", "account/secure", "invoice", "track", "share"]);
    links.push({ href: `https://${draft.linkHost}/${path}?id=${r.hex(10)}`, text: r.pick(["View document", "Sign in", "Review now", "Open", null]) });
  }
  if (r.chance(0.4)) links.push({ href: `https://www.${draft.senderDomain.split(".").slice(-2).join(".")}/privacy`, text: "Privacy policy" });

  const record: MessageRecord = {
    index,
    seed: msgSeed,
    id: investigateId(postfixId, scannedAt, r),
    postfixId,
    postfixIdOutbound: delivery === "delivered" ? r.alnum(16) : null,
    scannedAt,
    sentAt,
    from: draft.from,
    fromName: draft.fromName,
    envelopeFrom: d === "BULK" ? `bounce-${r.hex(12)}@${draft.senderDomain}` : draft.from,
    replyTo: draft.replyTo ?? (d === "BULK" ? `support@${draft.senderDomain}` : null),
    to,
    toName,
    envelopeTo: recipients.map((p) => p.email),
    clientRecipients: recipients.map((p) => p.email),
    subject: draft.subject,
    messageId: `<${r.hex(20)}.${r.int(100000, 999999)}@${senderHost}>`,
    disposition: d,
    detectionReasons: reasons,
    threatCategories: isDetection ? categories : [],
    alertId: isDetection ? `${iso(scannedAt).slice(0, 10).replace(/-/g, "")}-${r.hex(8)}` : null,
    deliveryStatus: [delivery],
    isQuarantined: delivery === "quarantined",
    deliveryMode: bcc ? "BCC" : r.chance(0.02) ? "JOURNAL" : "DIRECT",
    edfHash: draft.edfHash ?? r.hex(64),
    htmlStructureHash: draft.htmlHash ? hashHex(draft.htmlHash, seed) : r.hex(64),
    smtpHeloIp: heloIp,
    smtpPreviousHopIp: heloIp,
    xOriginatingIp: draft.senderDomain && FREEMAIL_DOMAINS.includes(draft.senderDomain) ? ipFor(draft.from, seed + 1) : null,
    senderHost,
    validation: validationFor(d, r),
    properties: {},
    isPhishSubmission: r.chance(0.01),
    postDeliveryOperations: [],
    actionLog: [],
    hasPreview: r.chance(0.9),
    currentFolder: delivery === "delivered" ? "Inbox" : null,
    attachments,
    links,
    campaign: draft.campaign ?? null,
    hostile: draft.fromName === HOSTILE_FROM_NAME ? "markup" : null,
    huge: false,
  };

  if (PARTNER_DOMAINS.includes(draft.senderDomain) && d === "NONE" && r.chance(0.05)) {
    record.properties = { allowlisted_pattern: `*@${draft.senderDomain}`, allowlisted_pattern_type: "acceptable_sender" };
  } else if (d === "SPAM" && r.chance(0.12)) {
    record.properties = { blocklisted_message: true, blocklisted_pattern: `*@${draft.senderDomain}` };
  }
  if (record.isPhishSubmission) record.postDeliveryOperations.push("SUBMISSION");
  if (!draft.delivery) addHistory(record, r, now);
  return record;
}

function hashHex(text: string, seed: number): string {
  return createRng(hashString(text, seed)).hex(64);
}

/** Some messages already had post-delivery actions before the simulator started. */
function addHistory(m: MessageRecord, r: Rng, now: number): void {
  const at = (): number => Math.min(now - MINUTE, m.scannedAt + r.int(5, 600) * MINUTE);
  const entry = (operation: ActionEntry["operation"], properties: ActionEntry["properties"]): void => {
    const completedAt = at();
    m.actionLog.push({ operation, startedAt: completedAt - r.int(200, 3000), completedAt, status: "completed", success: true, properties });
    if (!m.postDeliveryOperations.includes(operation)) m.postDeliveryOperations.push(operation);
  };
  const detection = m.threatCategories.length > 0 && m.disposition !== "BULK";
  if (m.scannedAt > now - 10 * MINUTE) return;
  if (detection && m.deliveryStatus[0] === "delivered" && r.chance(0.35)) {
    const folder = r.pick<Destination>(["JunkEmail", "DeletedItems", "RecoverableItemsDeletions"]);
    entry("MOVE", { folder, requested_by: r.pick(["soc-analyst@acme.example", "API", "auto-remediation"]) });
    m.deliveryStatus = ["moved"];
    m.currentFolder = folder;
  } else if (m.isQuarantined && (m.disposition === "SPAM" || m.disposition === "SUSPICIOUS") && r.chance(0.08)) {
    entry("QUARANTINE_RELEASE", { requested_by: "soc-analyst@acme.example" });
    m.isQuarantined = false;
    m.deliveryStatus = ["delivered"];
    m.currentFolder = "Inbox";
  }
  if (detection && r.chance(0.04)) entry("PREVIEW", { requested_by: "soc-analyst@acme.example" });
  m.actionLog.sort((a, b) => a.completedAt - b.completedAt);
}
