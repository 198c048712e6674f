// @vitest-environment happy-dom
import { screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { renderWithApp, type ApiCall } from "@/components/testing/render";
import type { Message } from "@/lib/cloudflare/types";
import { testMessage } from "@/lib/testing/message";
import { MessageActionBar } from "./message-action-bar";

const delivered = (fields: Partial<Message>) => testMessage({ id: "m1", subject: "Quarterly invoice", delivery_status: ["delivered"], ...fields });

function moved(call: ApiCall) {
  const { destination } = call.body as { destination: string };
  return { status: 200, body: { result: [{ message_id: "m1", success: true, destination }] } };
}

const moves = (calls: ApiCall[]) => calls.filter((c) => c.method === "POST" && c.path.endsWith("/m1/move"));

describe("the message page's move keys", () => {
  it("m opens the move dialog on Recoverable items for a threat, and Enter moves it there", async () => {
    const { events, calls } = renderWithApp(<MessageActionBar message={delivered({ final_disposition: "MALICIOUS" })} />, { answer: moved });
    await events.keyboard("m");

    const dialog = await screen.findByRole("dialog", { name: "Move message" });
    expect(within(dialog).getByRole("radio", { name: /Recoverable items/ })).toHaveProperty("checked", true);
    const confirm = within(dialog).getByRole("button", { name: "Move to Recoverable items" });
    await waitFor(() => expect(document.activeElement).toBe(confirm));

    await events.keyboard("{Enter}");
    await waitFor(() => expect(moves(calls)).toHaveLength(1));
    expect(moves(calls)[0]?.body).toEqual({ destination: "RecoverableItemsDeletions" });
    expect(await screen.findByRole("status")).toHaveProperty("textContent", expect.stringMatching(/^Moved to /));
    expect(screen.queryByRole("dialog")).toBeNull();
  });

  it("starts on Junk for a message that is not a threat, and a digit picks another folder first", async () => {
    const { events, calls } = renderWithApp(<MessageActionBar message={delivered({ final_disposition: "SPAM" })} />, { answer: moved });
    await events.keyboard("m");
    const dialog = await screen.findByRole("dialog", { name: "Move message" });
    expect(within(dialog).getByRole("radio", { name: /Junk/ })).toHaveProperty("checked", true);
    await waitFor(() => expect(document.activeElement).toBe(within(dialog).getByRole("button", { name: "Move to Junk" })));

    await events.keyboard("3");
    expect(within(dialog).getByRole("radio", { name: /Deleted items/ })).toHaveProperty("checked", true);
    expect(within(dialog).getByRole("button", { name: "Move to Deleted items" })).toBe(document.activeElement);

    await events.keyboard("{Enter}");
    await waitFor(() => expect(moves(calls)).toHaveLength(1));
    expect(moves(calls)[0]?.body).toEqual({ destination: "DeletedItems" });
  });

  it("Escape closes the dialog without a move", async () => {
    const { events, calls } = renderWithApp(<MessageActionBar message={delivered({ final_disposition: "SPAM" })} />, { answer: moved });
    await events.keyboard("m");
    await screen.findByRole("dialog", { name: "Move message" });
    await events.keyboard("{Escape}");
    await waitFor(() => expect(screen.queryByRole("dialog")).toBeNull());
    expect(moves(calls)).toEqual([]);
  });

  it("m on a quarantined message says why instead of opening the dialog", async () => {
    const { events, calls } = renderWithApp(<MessageActionBar message={delivered({ final_disposition: "MALICIOUS", is_quarantined: true, delivery_status: ["quarantined"] })} />);
    await events.keyboard("m");
    expect(await screen.findByRole("alert")).toHaveProperty("textContent", expect.stringContaining("Move is not possible for this message: quarantined: release first."));
    expect(screen.queryByRole("dialog")).toBeNull();
    expect(calls).toEqual([]);
  });

  it("m for a viewer names the missing role, and the buttons are disabled", async () => {
    const { events } = renderWithApp(<MessageActionBar message={delivered({ final_disposition: "SPAM" })} />, { user: { email: "viewer@example.test", role: "viewer" } });
    expect(screen.getByRole("button", { name: "Move…" })).toHaveProperty("disabled", true);
    await events.keyboard("m");
    expect(await screen.findByRole("alert")).toHaveProperty("textContent", expect.stringMatching(/^Move is not available to you: /));
    expect(screen.queryByRole("dialog")).toBeNull();
  });
});
