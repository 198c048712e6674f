import type { Page } from "@playwright/test";
import type { ActionLogEntry, Detections, Message, Trace } from "../lib/cloudflare/types";
import { E2E } from "./env";
import { expect, simulator } from "./fixtures";

/**
 * Helpers for the message-page journeys: the simulator's own answers (the truth the page is
 * checked against) and a way to pick a message no other journey touches.
 */

export async function cloudflare<T>(path: string): Promise<{ status: number; result: T }> {
  const response = await fetch(`${E2E.cloudflareApi}${path}`, { headers: { authorization: `Bearer ${E2E.apiToken}` } });
  const body = (await response.json()) as { result: T };
  return { status: response.status, result: body.result };
}

export const truth = {
  detail: async (id: string) => (await cloudflare<Message>(`/${encodeURIComponent(id)}`)).result,
  detections: async (id: string) => (await cloudflare<Detections>(`/${encodeURIComponent(id)}/detections`)).result,
  trace: async (id: string) => (await cloudflare<Trace>(`/${encodeURIComponent(id)}/trace`)).result,
  actionLog: async (id: string) => (await cloudflare<ActionLogEntry[]>(`/${encodeURIComponent(id)}/action_log`)).result,
  raw: async (id: string) => (await cloudflare<{ raw: string }>(`/${encodeURIComponent(id)}/raw`)).result.raw,
  hasPreview: async (id: string) => (await cloudflare<unknown>(`/${encodeURIComponent(id)}/preview`)).status === 200,
};

const THREATS = ["MALICIOUS", "MALICIOUS-BEC"];

/**
 * A message in the given delivery state, picked at an offset unique to the calling journey so
 * two journeys in one run never act on the same message. Skips the shared fixtures. `kind` picks
 * among threats (MALICIOUS, MALICIOUS-BEC: their release waits for a second admin) or the rest.
 */
/** `which` narrows the pick: threats or the rest, or search filters such as `{ final_disposition: "SPAM" }`. */
export async function freshMessage(
  deliveryStatus: "delivered" | "quarantined",
  offset: number,
  which?: "threat" | "not-threat" | Record<string, string>,
): Promise<Message> {
  const kind = typeof which === "string" ? which : undefined;
  const filters = typeof which === "object" ? which : {};
  const { hostileId, hugeId, quarantinedId, deliveredId, noPreviewId, undeliverableId } = await simulator.fixtures();
  const shared = new Set([hostileId, hugeId, quarantinedId, deliveredId, noPreviewId, undeliverableId]);
  const { result } = await simulator.search({ delivery_status: deliveryStatus, detections_only: "false", per_page: "100", ...filters });
  const candidates = result.filter(
    (m) =>
      !shared.has(m.id) &&
      (m.client_recipients ?? []).length > 0 &&
      (kind === undefined || THREATS.includes(m.final_disposition ?? "") === (kind === "threat")),
  );
  const picked = candidates[offset];
  if (!picked) throw new Error(`no ${deliveryStatus} message at offset ${offset} (${candidates.length} candidates)`);
  const detail = await truth.detail(picked.id);
  expect(detail.delivery_status).toContain(deliveryStatus);
  return detail;
}

export function messagePath(id: string, tab?: string): string {
  return `/messages/${encodeURIComponent(id)}${tab ? `?tab=${tab}` : ""}`;
}

/** Opens a message page and waits until its header is there. */
export async function openMessage(page: Page, id: string, tab?: string): Promise<void> {
  await page.goto(messagePath(id, tab));
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  // The key hint appears once the page is hydrated and its shortcuts listen.
  await expect(page.getByText(/^Keys:/)).toBeVisible();
}

export function tab(page: Page, name: string) {
  return page.getByRole("tab", { name, exact: true });
}

export function panel(page: Page) {
  return page.getByRole("tabpanel");
}

/** Errors a page reports while it runs: uncaught exceptions and console errors. */
/** Dialogs the page opened (alert, confirm, prompt): hostile mail must never open one. Each is dismissed. */
export function collectDialogs(page: Page): string[] {
  const dialogs: string[] = [];
  page.on("dialog", (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  return dialogs;
}

export function collectPageErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on("pageerror", (error) => errors.push(`pageerror: ${error.message}`));
  page.on("console", (message) => {
    if (message.type() === "error") errors.push(`console: ${message.text()}`);
  });
  return errors;
}
