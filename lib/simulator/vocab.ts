// Word lists for believable synthetic mail. Every domain is made up or reserved
// (.example, .test, .invalid) so nothing here points at a real organisation.

export const COMPANY_DOMAIN = "acme.example";

export const FIRST_NAMES = [
  "Alice", "Bruno", "Chen", "Dana", "Elena", "Farid", "Grace", "Hiro", "Ines", "Jonas", "Kara", "Liam",
  "Maya", "Nikhil", "Olga", "Pedro", "Quinn", "Rosa", "Sami", "Tara", "Umar", "Vera", "Wen", "Ximena",
  "Yusuf", "Zoe", "Amara", "Bjorn", "Carmen", "Dmitri", "Esther", "Felix", "Gita", "Hamza", "Ivy", "Jae",
];

export const LAST_NAMES = [
  "Anderson", "Becker", "Costa", "Dubois", "Eriksen", "Fischer", "Garcia", "Haddad", "Ito", "Jensen",
  "Kowalski", "Larsen", "Moreau", "Nakamura", "Okafor", "Petrov", "Quintero", "Rossi", "Silva", "Tanaka",
  "Usman", "Vogel", "Wong", "Xu", "Yilmaz", "Zimmer", "Novak", "Brennan", "Achebe", "Lindqvist",
];

/** Legitimate correspondents: partners, suppliers, SaaS vendors. */
export const PARTNER_DOMAINS = [
  "northwind.example", "contoso-partners.example", "fabrikam.test", "globex.example", "initech.test",
  "umbrella-logistics.example", "wayne-supply.test", "stark-industries.example", "hooli.test", "vandelay.example",
  "tyrell-systems.test", "cyberdyne.example", "soylent-foods.test", "wonka-sweets.example", "aperture-labs.test",
];

export const SAAS_DOMAINS = [
  "notify.projectboard.example", "billing.cloudhost.test", "mail.calendarly.example", "alerts.monitorly.test",
  "no-reply.payroll-saas.example", "updates.docusign-like.test", "hr.benefits-portal.example",
];

export const NEWSLETTER_DOMAINS = [
  "news.techweekly.example", "deals.shopmart.test", "offers.travelnow.example", "digest.devnews.test",
  "promo.gadgetzone.example", "webinar.cloudsummit.test", "marketing.crmtools.example",
];

export const SPAM_DOMAINS = [
  "cheap-meds.invalid", "crypto-windfall.invalid", "seo-rankers.test", "loan-approval-fast.invalid",
  "lucky-lottery.invalid", "weight-loss-miracle.test", "bulk-leads.invalid", "replica-watches.invalid",
];

export const MALICIOUS_DOMAINS = [
  "secure-login-verify.invalid", "docs-share-portal.test", "invoice-view.invalid", "account-suspend-notice.test",
  "m1crosoft-support.invalid", "dropbox-files.invalid", "wire-transfer-desk.test", "parcel-tracking-ups.invalid",
];

export const FREEMAIL_DOMAINS = ["freemail.example", "webpost.test", "inboxly.example"];

export const BENIGN_SUBJECTS = [
  "Re: Q{n} planning notes", "Meeting follow-up: {topic}", "Updated contract draft for review", "Your invoice #{n} from {company}",
  "Weekly status: {topic}", "Lunch on Thursday?", "Re: {topic} timeline", "Purchase order {n} confirmed",
  "Shipping notification for order {n}", "Agenda for tomorrow's call", "Fwd: {topic} slides", "Quarterly review schedule",
  "Access request approved", "Reminder: expense reports due Friday", "Welcome to the {topic} working group",
  "Re: budget question", "Notes from the customer visit", "Release {n} is out", "Your receipt from {company}",
];

export const TOPICS = [
  "migration", "roadmap", "hiring", "audit", "onboarding", "procurement", "security review", "launch", "renewal",
  "offsite", "data retention", "vendor assessment", "board pack", "pricing",
];

export const NEWSLETTER_SUBJECTS = [
  "This week in tech: {topic}", "Last chance: 40% off everything", "Your {topic} digest", "Webinar invite: mastering {topic}",
  "New arrivals you'll love", "Top 10 {topic} trends for 2027", "Members-only offer inside",
];

export const SPAM_SUBJECTS = [
  "You have won a prize!!!", "Lowest prices on meds - no prescription", "Double your bitcoin in 24 hours",
  "Pre-approved loan waiting for you", "Lose 10kg in 2 weeks", "Rank #1 on search engines guaranteed",
  "Exclusive replica watches sale", "Hot leads for your business",
];

export const SUSPICIOUS_SUBJECTS = [
  "Action required: verify your account", "Unusual sign-in activity detected", "Document shared with you: {topic}",
  "Your password expires today", "Voicemail received ({n}s)", "Payment remittance advice", "Re: overdue invoice {n}",
];

export const BEC_SUBJECTS = ["Quick favour", "Are you at your desk?", "Urgent wire transfer", "Change of bank details", "Confidential request"];

export const ATTACHMENT_TYPES: readonly (readonly [string, string])[] = [
  ["pdf", "application/pdf"],
  ["docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"],
  ["xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"],
  ["png", "image/png"],
  ["jpg", "image/jpeg"],
  ["zip", "application/zip"],
  ["ics", "text/calendar"],
];

export const MALICIOUS_ATTACHMENTS: readonly (readonly [string, string])[] = [
  ["html", "text/html"],
  ["zip", "application/zip"],
  ["iso", "application/x-iso9660-image"],
  ["docm", "application/vnd.ms-word.document.macroEnabled.12"],
  ["lnk", "application/x-ms-shortcut"],
];

export const AS_NAMES = [
  ["EXAMPLE-CLOUD", 64500], ["TESTNET-HOSTING", 64501], ["DOC-TRANSIT", 64502], ["BULKMAIL-ESP", 64503],
  ["RESIDENTIAL-ISP", 64504], ["OFFSHORE-VPS", 64505], ["PARTNER-MAIL", 64506], ["SAAS-RELAY", 64507],
] as const;

export const GEOS = ["US", "DE", "GB", "NL", "FR", "SG", "BR", "IN", "RU", "NG", "JP", "CA"];

export const THREAT_CATEGORIES: Record<string, { id: number; description: string }> = {
  CredentialHarvester: { id: 1, description: "Attempts to steal login credentials through a fake sign-in page." },
  Malware: { id: 2, description: "Delivers or links to malicious software." },
  BEC: { id: 3, description: "Business email compromise: impersonation to obtain payment or data." },
  Spoof: { id: 4, description: "Forged sender identity failing authentication." },
  Link: { id: 5, description: "Contains a link to a known malicious or newly registered domain." },
  Attachment: { id: 6, description: "Contains a suspicious or weaponised attachment." },
  Spam: { id: 7, description: "Unsolicited commercial email." },
  Bulk: { id: 8, description: "Legitimate but high-volume marketing email." },
  Impersonation: { id: 9, description: "Display name or domain imitates a trusted party." },
  ExtortionScam: { id: 10, description: "Threatens the recipient to extract payment." },
};

/** Phishing campaigns: each shares a sender domain, subject template and HTML structure. */
export const CAMPAIGNS: readonly {
  domain: string;
  localParts: readonly string[];
  fromName: string;
  subject: string; // static keywords every message carries; a per-message suffix follows
  disposition: "MALICIOUS" | "SUSPICIOUS" | "SPOOF" | "MALICIOUS-BEC";
  categories: readonly string[];
  attachment?: readonly [string, string];
  linkHost: string;
}[] = [
  { domain: "acme-payro11.test", localParts: ["payroll-notice"], fromName: "ACME Payroll", subject: "Payroll update required", disposition: "MALICIOUS", categories: ["CredentialHarvester", "Impersonation", "Link"], linkHost: "acme-payro11.test" },
  { domain: "m1crosoft-support.invalid", localParts: ["security", "no-reply", "account-team"], fromName: "Microsoft 365 Security", subject: "Mailbox storage full", disposition: "MALICIOUS", categories: ["CredentialHarvester", "Link"], linkHost: "login-m1crosoft.invalid" },
  { domain: "docs-share-portal.test", localParts: ["share", "notify"], fromName: "Shared Documents", subject: "Secure document shared", disposition: "MALICIOUS", categories: ["CredentialHarvester", "Link"], linkHost: "docs-share-portal.test" },
  { domain: "invoice-view.invalid", localParts: ["billing", "ap"], fromName: "Accounts Receivable", subject: "Outstanding invoice attached", disposition: "MALICIOUS", categories: ["Malware", "Attachment"], attachment: ["html", "text/html"], linkHost: "invoice-view.invalid" },
  { domain: "parcel-tracking-ups.invalid", localParts: ["tracking"], fromName: "Parcel Delivery", subject: "Delivery attempt failed", disposition: "SUSPICIOUS", categories: ["Link", "Impersonation"], linkHost: "parcel-redelivery.invalid" },
  { domain: "wire-transfer-desk.test", localParts: ["ceo-office"], fromName: "Avery Stone (CEO)", subject: "Urgent payment approval", disposition: "MALICIOUS-BEC", categories: ["BEC", "Impersonation"], linkHost: "wire-transfer-desk.test" },
  { domain: "acme.example", localParts: ["it-helpdesk"], fromName: "ACME IT Helpdesk", subject: "Password reset scheduled", disposition: "SPOOF", categories: ["Spoof", "CredentialHarvester"], linkHost: "acme-helpdesk-reset.invalid" },
  { domain: "dropbox-files.invalid", localParts: ["files", "share-noreply"], fromName: "File Transfer", subject: "Large file waiting for you", disposition: "MALICIOUS", categories: ["Malware", "Link"], attachment: ["zip", "application/zip"], linkHost: "dropbox-files.invalid" },
  { domain: "account-suspend-notice.test", localParts: ["alerts"], fromName: "Account Services", subject: "Account suspension notice", disposition: "SUSPICIOUS", categories: ["CredentialHarvester"], linkHost: "account-suspend-notice.test" },
  { domain: "secure-login-verify.invalid", localParts: ["verify", "security-alert"], fromName: "Security Alert", subject: "Verify sign-in attempt", disposition: "MALICIOUS", categories: ["CredentialHarvester", "Link"], linkHost: "secure-login-verify.invalid" },
  { domain: "fabrikam-billing.test", localParts: ["accounts"], fromName: "Fabrikam Accounts", subject: "Updated remittance details", disposition: "MALICIOUS-BEC", categories: ["BEC", "Impersonation"], linkHost: "fabrikam-billing.test" },
  { domain: "hr-benefits-update.invalid", localParts: ["benefits"], fromName: "HR Benefits", subject: "Open enrollment confirmation", disposition: "MALICIOUS", categories: ["Malware", "Attachment"], attachment: ["docm", "application/vnd.ms-word.document.macroEnabled.12"], linkHost: "hr-benefits-update.invalid" },
];
