// @vitest-environment happy-dom
import { act, screen, within } from "@testing-library/react";
import { createRef } from "react";
import { describe, expect, it, vi } from "vitest";
import { renderWithApp } from "@/components/testing/render";
import { parseMessageUrl } from "@/lib/messages/search-url";
import { FilterBar, type FilterBarHandle } from "./filter-bar";

function renderBar(query: string, scope: "search" | "bulk" = "search") {
  const onApply = vi.fn();
  const onClear = vi.fn();
  const controlRef = createRef<FilterBarHandle>();
  const props = { fieldErrors: {}, searchInputRef: createRef<HTMLInputElement>(), onApply, onClear, scope, controlRef };
  const view = renderWithApp(<FilterBar parsed={parseMessageUrl(new URLSearchParams(query), scope)} {...props} />);
  // The page re-renders the bar with what the URL now says, as nuqs does after a navigation.
  const navigate = (next: string) => view.rerender(<FilterBar parsed={parseMessageUrl(new URLSearchParams(next), scope)} {...props} />);
  return { ...view, onApply, onClear, controlRef, navigate };
}

describe("the filter bar's draft", () => {
  it("shows what the URL says, and typed text waits for Search", async () => {
    const { events, onApply } = renderBar("sender=boss%40example.test&range=24h");
    const form = screen.getByRole("search", { name: "Message filters" });
    expect(within(form).getByRole("textbox", { name: "Sender" })).toHaveProperty("value", "boss@example.test");
    expect(within(form).getByRole("combobox", { name: "Date range" })).toHaveProperty("value", "24h");

    await events.type(within(form).getByRole("searchbox", { name: "Search" }), "invoice");
    expect(onApply).not.toHaveBeenCalled();

    await events.click(within(form).getByRole("button", { name: "Search" }));
    expect(onApply).toHaveBeenCalledTimes(1);
    expect(onApply).toHaveBeenLastCalledWith({ pairs: { query: "invoice", sender: "boss@example.test" }, range: "24h" });
  });

  it("applies a choice at once, with the text typed so far", async () => {
    const { events, onApply } = renderBar("");
    await events.type(screen.getByRole("textbox", { name: "Sender" }), "evil.test");
    await events.selectOptions(screen.getByRole("combobox", { name: "Disposition" }), "MALICIOUS");
    expect(onApply).toHaveBeenCalledTimes(1);
    expect(onApply).toHaveBeenLastCalledWith({ pairs: { sender: "evil.test", final_disposition: "MALICIOUS" }, range: "7d" });
  });

  it("keeps what was typed while a choice's URL update lands, and takes the URL's own changes", async () => {
    const { events, navigate } = renderBar("final_disposition=SPAM");
    const sender = screen.getByRole("textbox", { name: "Sender" });
    await events.type(sender, "late@example.test");
    // The URL catches up with an earlier choice: the field typed into meanwhile keeps its text…
    act(() => navigate("final_disposition=MALICIOUS"));
    expect(sender).toHaveProperty("value", "late@example.test");
    expect(screen.getByRole("combobox", { name: "Disposition" })).toHaveProperty("value", "MALICIOUS");
    // …while a field the URL changed (Back, a pivot) shows the URL's value.
    act(() => navigate("sender=pivot%40example.test"));
    expect(sender).toHaveProperty("value", "pivot@example.test");
  });

  it("tells a form acting on the search which edits are not applied, by label", async () => {
    const { events, controlRef, onApply } = renderBar("sender=a%40example.test");
    expect(controlRef.current?.unapplied()).toEqual([]);
    const sender = screen.getByRole("textbox", { name: "Sender" });
    await events.clear(sender);
    await events.type(sender, "b@example.test");
    expect(controlRef.current?.unapplied()).toEqual([{ key: "sender", label: "Sender" }]);
    act(() => controlRef.current?.apply());
    expect(onApply).toHaveBeenLastCalledWith({ pairs: { sender: "b@example.test" }, range: "7d" });
  });

  it("removes one applied filter with its chip and clears the text with Clear filters", async () => {
    const { events, onApply, onClear } = renderBar("sender=a%40example.test&final_disposition=SPAM");
    const chips = screen.getByRole("list", { name: "Active filters" });
    await events.click(within(chips).getByRole("button", { name: "Remove filter Disposition: SPAM" }));
    expect(onApply).toHaveBeenLastCalledWith({ pairs: { sender: "a@example.test" }, range: "7d" });

    await events.click(screen.getByRole("button", { name: "Clear filters" }));
    expect(onClear).toHaveBeenCalledTimes(1);
    expect(screen.getByRole("textbox", { name: "Sender" })).toHaveProperty("value", "");
  });
});
