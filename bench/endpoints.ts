// Where the benchmark sends its searches, and which searches: the same queries go to the console
// and straight to the simulator, so the two figures differ only by the console's work.

export interface Endpoints {
  consoleUrl: string;
  simulatorUrl: string;
  accountId: string;
  /** The minted next-auth session cookie, `next-auth.session-token=…`. */
  cookie: string;
  apiToken: string;
}

/** Realistic filters an analyst types, one page of 50 each. */
export const SEARCHES = [
  "per_page=50",
  "per_page=50&final_disposition=MALICIOUS",
  "per_page=50&sender=m1crosoft-support.invalid",
  "per_page=50&detections_only=false",
  "per_page=50&final_disposition=SPAM&recipient=acme.example",
  "per_page=50&domain=acme-payro11.test",
] as const;

export function consoleSearch(e: Endpoints, query: string): { url: string; headers: Record<string, string> } {
  return { url: `${e.consoleUrl}/api/email-security/investigate?${query}`, headers: { cookie: e.cookie, accept: "application/json" } };
}

export function directSearch(e: Endpoints, query: string): { url: string; headers: Record<string, string> } {
  return {
    url: `${e.simulatorUrl}/client/v4/accounts/${e.accountId}/email-security/investigate?${query}`,
    headers: { authorization: `Bearer ${e.apiToken}`, accept: "application/json" },
  };
}
