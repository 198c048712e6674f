// Campaigns that arrive in waves over several days from changing senders and subjects, tied
// together only by Cloudflare's own fingerprints (edf_hash, htmltext_structure_hash): what the
// overview's campaign grouping is for. They are appended after every other message, from a PRNG
// stream of their own, so the rest of the data set (ids, fields, order of generation) is unchanged.
import type { Draft, Person } from "./generate";
import { createRng, hashString } from "./prng";
import type { Disposition } from "./types";

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

export interface WaveCampaignFacts {
  /** Shared by every message of the invoice campaign (and its structure hash too). */
  edfHash: string;
  /** The structure-hash campaign's template (its edf_hash differs per message). */
  htmlTemplate: string;
  /** Messages in the invoice campaign, and its waves' first times (ISO, newest wave first). */
  size: number;
  waves: { start: string; end: string; count: number }[];
  /** One subject of each campaign, for journeys that look for them. */
  subject: string;
  templateSubject: string;
  templateSize: number;
}

interface WaveCampaign {
  disposition: Disposition;
  categories: string[];
  senders: readonly (readonly [local: string, domain: string, fromName: string])[];
  subjects: readonly string[];
  /** Days ago each wave starts, hours it lasts, messages in it. */
  waves: readonly (readonly [daysAgo: number, hours: number, size: number])[];
  /** Same detection fingerprint for all (the kit), or only the same HTML template. */
  sharedEdf: boolean;
}

const INVOICE: WaveCampaign = {
  disposition: "MALICIOUS",
  categories: ["CredentialHarvester", "Link"],
  senders: [
    ["billing", "invoice-notify.test", "Billing Team"],
    ["accounts", "invoicedesk.invalid", "Accounts Payable"],
    ["noreply", "payments-portal.test", "Payments Portal"],
    ["ap", "remit-advice.invalid", "Remittance Desk"],
    ["finance", "docusend-secure.test", "Finance"],
    ["statements", "invoice-notify.test", "Statements"],
  ],
  subjects: ["Invoice {n} is overdue", "Payment reminder: invoice {n}", "Remittance advice {n}", "Your statement is ready ({n})", "Final notice: invoice {n}"],
  waves: [
    [1.6, 3, 42],
    [3.4, 5, 56],
    [5.8, 4, 38],
  ],
  sharedEdf: true,
};

const VOICEMAIL: WaveCampaign = {
  disposition: "SUSPICIOUS",
  categories: ["Link", "Impersonation"],
  senders: [
    ["voicemail", "vm-notify.test", "Voice Mail"],
    ["pbx", "callcenter-alerts.invalid", "Phone System"],
    ["no-reply", "unified-voice.test", "Unified Messaging"],
    ["alerts", "vm-notify.test", "Voicemail Service"],
  ],
  subjects: ["New voicemail from +1 555 {n}", "You have a missed call ({n})", "Voice message received {n}", "Missed call: {n} seconds"],
  waves: [
    [2.3, 6, 26],
    [4.9, 4, 20],
  ],
  sharedEdf: false,
};

type Add = (draft: Draft, scannedAt: number) => unknown;

/** Appends both campaigns through `add` (the data set's own record builder). */
export function addWaveCampaigns(add: Add, seed: number, now: number, staff: Person[]): WaveCampaignFacts {
  const rng = createRng(hashString("wave-campaigns", seed));
  const facts: WaveCampaignFacts = { edfHash: "", htmlTemplate: "", size: 0, waves: [], subject: "", templateSubject: "", templateSize: 0 };
  for (const [c, campaign] of [INVOICE, VOICEMAIL].entries()) {
    const edf = rng.hex(64);
    const template = `wave-template:${c}:${rng.hex(8)}`;
    for (const [daysAgo, hours, size] of campaign.waves) {
      const start = now - Math.round(daysAgo * DAY);
      const times: number[] = [];
      for (let k = 0; k < size; k++) {
        const [local, domain, fromName] = rng.pick(campaign.senders);
        const subject = rng.pick(campaign.subjects).replace("{n}", String(rng.int(1000, 99999)));
        const victim = rng.pick(staff);
        const at = start + Math.floor(rng.next() * hours * HOUR);
        times.push(at);
        add(
          {
            disposition: campaign.disposition,
            from: `${local}@${domain}`,
            fromName,
            subject,
            to: [victim],
            senderDomain: domain,
            categories: [...campaign.categories],
            linkHost: `${rng.pick(["secure", "view", "portal"])}.${domain}`,
            htmlHash: template,
            ...(campaign.sharedEdf ? { edfHash: edf } : {}),
          },
          at,
        );
        if (c === 0 && !facts.subject) facts.subject = subject;
        if (c === 1 && !facts.templateSubject) facts.templateSubject = subject;
      }
      if (c === 0) {
        facts.size += size;
        facts.waves.push({ start: new Date(Math.min(...times)).toISOString(), end: new Date(Math.max(...times)).toISOString(), count: size });
      } else facts.templateSize += size;
    }
    if (c === 0) facts.edfHash = edf;
    else facts.htmlTemplate = template;
  }
  return facts;
}
