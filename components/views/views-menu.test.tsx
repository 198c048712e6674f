// @vitest-environment happy-dom
import { screen, waitFor, within } from "@testing-library/react";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { renderWithApp, type ApiCall } from "@/components/testing/render";
import type { SavedView } from "@/lib/views/types";
import { ViewsMenu } from "./views-menu";

// The address bar the menu reads; each test sets it.
const url = vi.hoisted(() => ({ search: "" }));
vi.mock("next/navigation", () => ({ useSearchParams: () => new URLSearchParams(url.search) }));

const view = (fields: Partial<SavedView>): SavedView => ({
  id: "v1",
  name: "Mine",
  query: "sender=boss%40example.test&range=7d",
  shared: false,
  owner: "analyst@example.test",
  created_at: "2026-12-01T10:00:00Z",
  updated_at: "2026-12-01T10:00:00Z",
  ...fields,
});

const SAVED = [
  // Stored canonical (lib/views/query.ts): the menu marks it however the address bar spells it.
  view({ id: "v1", name: "Boss mail", query: "sender=boss@example.test&range=7d" }),
  view({ id: "v2", name: "Team phish", query: "final_disposition=MALICIOUS&range=30d", shared: true, owner: "lead@example.test" }),
];

function api(views: SavedView[]) {
  return (call: ApiCall) => {
    if (call.method === "GET" && call.path === "/api/views") return { status: 200, body: { result: views } };
    if (call.method === "POST" && call.path === "/api/views") return { status: 201, body: { result: view({ id: "v9", ...(call.body as object) }) } };
    return { status: 404, body: { error: { status: 404, code: "not_found", message: "no such route" } } };
  };
}

beforeEach(() => {
  url.search = "";
});

describe("the views menu", () => {
  it("lists the presets, my views and the team's, each a link, and marks the one on screen", async () => {
    url.search = "range=7d&sender=boss%40example.test";
    const { events } = renderWithApp(<ViewsMenu />, { answer: api(SAVED) });
    await events.click(screen.getByRole("button", { name: "Views" }));
    const menu = await screen.findByRole("menu");

    const mine = within(menu).getByRole("group", { name: "My views" });
    const boss = within(mine).getByRole("menuitem", { name: "Boss mail" });
    expect(boss.getAttribute("href")).toBe("/messages?sender=boss@example.test&range=7d");
    expect(boss.getAttribute("aria-current")).toBe("page");

    const team = within(menu).getByRole("group", { name: "Shared by the team" });
    const phish = within(team).getByRole("menuitem", { name: /Team phish/ });
    expect(phish.textContent).toContain("lead@example.test");
    expect(phish.getAttribute("aria-current")).toBeNull();

    const presets = within(menu).getByRole("group", { name: "Delivered threats" });
    expect(within(presets).getAllByRole("menuitem").map((item) => item.textContent)).toEqual(["Delivered MALICIOUS", "Delivered SUSPICIOUS", "Delivered SPOOF"]);
  });

  it("refuses to save a search the URL cannot hold, and says why", async () => {
    url.search = "final_disposition=NOT_A_VERDICT";
    const { events } = renderWithApp(<ViewsMenu />, { answer: api([]) });
    await events.click(screen.getByRole("button", { name: "Views" }));
    const menu = await screen.findByRole("menu");
    expect(within(menu).getByRole("menuitem", { name: "Save current view…" }).getAttribute("aria-disabled")).toBe("true");
    expect(menu.textContent).toContain("This search cannot be saved: Disposition");
    expect(within(menu).getByRole("group", { name: "My views" }).textContent).toContain("None saved yet.");
  });

  it("saves the search on screen under a name", async () => {
    url.search = "sender=boss%40example.test";
    const { events, calls } = renderWithApp(<ViewsMenu />, { answer: api([]) });
    await events.click(screen.getByRole("button", { name: "Views" }));
    await events.click(await screen.findByRole("menuitem", { name: "Save current view…" }));

    const dialog = await screen.findByRole("dialog", { name: "Save current view" });
    await events.type(within(dialog).getByRole("textbox", { name: "Name" }), "Boss mail");
    await events.click(within(dialog).getByRole("button", { name: "Save view" }));
    await waitFor(() => expect(screen.queryByRole("dialog")).toBeNull());
    const saved = calls.filter((c) => c.method === "POST");
    expect(saved).toEqual([{ method: "POST", path: "/api/views", body: { name: "Boss mail", query: "sender=boss@example.test&range=7d", shared: false } }]);
  });
});
