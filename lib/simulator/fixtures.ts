// The notable messages tests and the UI rely on: hostile markup, a huge .eml, and one message in
// each state an analyst acts on. They sit a few hours back so the default search shows them.
import type { Rng } from "./prng";
import type { Draft, Person, SimulatorFixtures } from "./generate";
import type { MessageRecord } from "./types";
import { COMPANY_DOMAIN } from "./vocab";

const HOUR = 3_600_000;

export const HOSTILE_SUBJECT =
  "<img src=x onerror=alert(1)> Invoice \u202Egpj.exe overdue \u200B\u200D<script>alert(1)</script>\uFEFF";
export const HOSTILE_FROM_NAME = "<script>alert(1)</script> IT\u200B Support \u202Eeciovni";
export const HUGE_ATTACHMENT_SIZE = 2_600_000; // base64 in the .eml pushes raw past 3 MB

export function addFixtures(
  add: (draft: Draft, scannedAt: number, tweak?: (m: MessageRecord) => void) => MessageRecord,
  rng: Rng,
  staff: Person[],
  now: number,
): Omit<SimulatorFixtures, "campaignEdfHash" | "campaignSender" | "campaignSubject" | "waveCampaigns"> {
  const victim = (i: number): Person[] => [staff[i % staff.length] ?? { name: "Alice Anderson", email: `alice.anderson@${COMPANY_DOMAIN}` }];
  const hostile = add(
    {
      disposition: "MALICIOUS",
      from: "it-support@evil-markup.invalid",
      fromName: HOSTILE_FROM_NAME,
      subject: HOSTILE_SUBJECT,
      to: victim(3),
      senderDomain: "evil-markup.invalid",
      categories: ["CredentialHarvester", "Malware"],
      reasons: ["HTML body contains active script content", "Attachment filename uses right-to-left override to disguise an executable"],
      attachment: ["exe", "application/x-msdownload"],
      linkHost: "evil-markup.invalid",
      replyTo: "\"<img src=x onerror=alert(1)>\" <reply@evil-markup.invalid>",
    },
    now - 2 * HOUR,
    (m) => {
      const first = m.attachments[0];
      if (first) first.name = "invoice_\u202Efdp.exe";
      m.links.push({ href: "javascript:alert(1)", text: "<script>alert(1)</script>Click here" });
    },
  );
  rng.next();
  add(
    {
      disposition: "SUSPICIOUS",
      from: "forwarder@long-thread.test",
      fromName: "Endless\u200B Thread",
      subject: longSubject(),
      to: victim(5),
      senderDomain: "long-thread.test",
      categories: ["Link"],
    },
    now - 3 * HOUR,
    (m) => {
      m.hostile = "long-subject";
    },
  );
  const huge = add(
    {
      disposition: "SUSPICIOUS",
      from: "scanner@print-room.test",
      fromName: "Print Room Scanner",
      subject: "Scanned board pack (large attachment)",
      to: victim(7),
      senderDomain: "print-room.test",
      categories: ["Attachment"],
      attachment: ["pdf", "application/pdf"],
      delivery: "delivered",
    },
    now - 4 * HOUR,
    (m) => {
      m.huge = true;
      const first = m.attachments[0];
      if (first) {
        first.name = "board-pack-scanned.pdf";
        first.size = HUGE_ATTACHMENT_SIZE;
      }
    },
  );
  const quarantined = add(
    {
      disposition: "MALICIOUS",
      from: "billing@invoice-view.invalid",
      fromName: "Accounts Payable",
      subject: "Remittance advice for your review",
      to: victim(11),
      senderDomain: "invoice-view.invalid",
      categories: ["Malware", "Attachment"],
      attachment: ["html", "text/html"],
      linkHost: "invoice-view.invalid",
      delivery: "quarantined",
    },
    now - 5 * HOUR,
  );
  const delivered = add(
    {
      disposition: "SUSPICIOUS",
      from: "alerts@account-suspend-notice.test",
      fromName: "Account Services",
      subject: "Confirm your mailbox settings",
      to: victim(13),
      senderDomain: "account-suspend-notice.test",
      categories: ["CredentialHarvester"],
      linkHost: "account-suspend-notice.test",
      delivery: "delivered",
    },
    now - 6 * HOUR,
  );
  const noPreview = add(
    {
      disposition: "SPAM",
      from: "offers@lucky-lottery.invalid",
      fromName: "Lucky Lottery",
      subject: "You have been selected for a cash reward",
      to: victim(17),
      senderDomain: "lucky-lottery.invalid",
      categories: ["Spam"],
      delivery: "delivered",
    },
    now - 7 * HOUR,
    (m) => {
      m.hasPreview = false;
    },
  );
  const undeliverable = add(
    {
      disposition: "MALICIOUS",
      from: "security@secure-login-verify.invalid",
      fromName: "Security Team",
      subject: "Your session has expired",
      to: victim(19),
      senderDomain: "secure-login-verify.invalid",
      categories: ["CredentialHarvester", "Link"],
      linkHost: "secure-login-verify.invalid",
      delivery: "rejected",
    },
    now - 8 * HOUR,
  );
  // Fixtures are picked for what tests need, so nothing random may take their preview away.
  for (const m of [hostile, huge, quarantined, delivered, undeliverable]) m.hasPreview = true;
  return {
    hostileId: hostile.id,
    hugeId: huge.id,
    quarantinedId: quarantined.id,
    deliveredId: delivered.id,
    noPreviewId: noPreview.id,
    undeliverableId: undeliverable.id,
  };
}

function longSubject(): string {
  const chunk = "Re: Fwd: quarterly numbers, the audit follow-up and the revised\u200B schedule for everyone on this thread; ";
  let s = "";
  while (s.length < 2000) s += chunk;
  return s.slice(0, 2000).trimEnd();
}
