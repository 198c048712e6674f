// @vitest-environment happy-dom
import { screen, within } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import { renderWithApp, type ApiCall } from "@/components/testing/render";
import type { Message } from "@/lib/cloudflare/types";
import { testMessage } from "@/lib/testing/message";
import { MessageActions } from "./message-actions";

const threat = testMessage({ id: "a", postfix_id: "pa", subject: "Wire the money", final_disposition: "MALICIOUS", delivery_status: ["delivered"] });
const spam = testMessage({ id: "b", postfix_id: "pb", subject: "Cheap watches", final_disposition: "SPAM", delivery_status: ["delivered"] });
const held = testMessage({ id: "c", postfix_id: "pc", subject: "Held back", final_disposition: "SPAM", is_quarantined: true, delivery_status: ["quarantined"] });

function movedAll(call: ApiCall) {
  const { ids, destination } = call.body as { ids: string[]; destination: string };
  return { status: 200, body: { result: ids.map((id) => ({ message_id: id, success: true, destination })) } };
}

function renderSelection(selected: Message[], options: Parameters<typeof renderWithApp>[1] = {}) {
  const onClearSelection = vi.fn();
  return { ...renderWithApp(<MessageActions selected={selected} onClearSelection={onClearSelection} />, options), onClearSelection };
}

describe("the selection bar", () => {
  it("is absent without a selection", () => {
    renderSelection([]);
    expect(screen.queryByRole("region", { name: "Selection actions" })).toBeNull();
  });

  it("says what each action can do to a mixed selection, and moves only the movable ones", async () => {
    const { events, calls, onClearSelection } = renderSelection([threat, spam, held], { answer: movedAll });
    const bar = screen.getByRole("region", { name: "Selection actions" });
    expect(bar.textContent).toContain("3 messages selected · 2 can be moved (1 quarantined: release first) · 1 can be released (2 delivered: not in quarantine)");

    await events.click(within(bar).getByRole("button", { name: "Move…" }));
    const dialog = await screen.findByRole("dialog", { name: "Move 2 messages" });
    // One of them is a threat: the dialog starts where the user cannot open it.
    expect(within(dialog).getByRole("radio", { name: /Recoverable items/ })).toHaveProperty("checked", true);
    expect(dialog.textContent).toContain("1 other selected message is left out: 1 quarantined: release first.");
    expect(within(dialog).getAllByRole("listitem").map((li) => li.textContent)).toEqual(expect.arrayContaining(["Wire the money", "Cheap watches"]));

    await events.click(within(dialog).getByRole("radio", { name: /Junk/ }));
    await events.click(within(dialog).getByRole("button", { name: "Move 2 messages to Junk" }));
    const finished = await screen.findByRole("dialog", { name: "Move finished" });
    expect(within(finished).getByRole("status").textContent).toBe("2 messages moved, 0 failed.");
    expect(calls).toEqual([{ method: "POST", path: "/api/email-security/investigate/move", body: { ids: ["a", "b"], destination: "JunkEmail" } }]);

    await events.click(within(finished).getByRole("button", { name: "Close" }));
    expect(onClearSelection).toHaveBeenCalledTimes(1);
  });

  it("keeps the dialog open with the server's reason when the move fails", async () => {
    const { events } = renderSelection([spam], {
      answer: () => ({ status: 502, body: { error: { status: 502, code: "upstream_error", message: "Cloudflare could not move the message" } } }),
    });
    await events.click(screen.getByRole("button", { name: "Move…" }));
    const dialog = await screen.findByRole("dialog", { name: "Move 1 message" });
    await events.click(within(dialog).getByRole("button", { name: "Move 1 message to Junk" }));
    const alert = await within(dialog).findByRole("alert");
    expect(alert.textContent).toContain("Move failed");
    expect(alert.textContent).toContain("Cloudflare could not move the message");
    expect(screen.getByRole("dialog", { name: "Move 1 message" })).toBeTruthy();
  });

  it("disables Release when nothing selected is in quarantine", async () => {
    renderSelection([spam]);
    expect(screen.getByRole("button", { name: "Release…" })).toHaveProperty("disabled", true);
    expect(screen.getByRole("button", { name: "Move…" })).toHaveProperty("disabled", false);
  });

  it("disables both actions for a viewer, saying why, but still clears the selection", async () => {
    const { events, onClearSelection } = renderSelection([spam, held], { user: { email: "viewer@example.test", role: "viewer" } });
    expect(screen.getByRole("button", { name: "Move…" })).toHaveProperty("disabled", true);
    expect(screen.getByRole("button", { name: "Release…" })).toHaveProperty("disabled", true);
    expect(screen.getByRole("region", { name: "Selection actions" }).textContent).toMatch(/ to move or release\./);
    await events.click(screen.getByRole("button", { name: "Clear selection" }));
    expect(onClearSelection).toHaveBeenCalledTimes(1);
  });
});
