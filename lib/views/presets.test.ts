import { describe, expect, it } from "vitest";
import { parseMessageUrl } from "@/lib/messages/search-url";
import { DELIVERED_THREATS } from "./presets";
import { canonicalViewQuery } from "./query";

describe("the Delivered threats preset", () => {
  it("is one search per threat disposition, each delivered only, over a stated relative range", () => {
    expect(DELIVERED_THREATS.presets.map((p) => p.name)).toEqual(["Delivered MALICIOUS", "Delivered SUSPICIOUS", "Delivered SPOOF"]);
    for (const preset of DELIVERED_THREATS.presets) {
      const { state, errors } = parseMessageUrl(new URLSearchParams(preset.query));
      expect(errors).toEqual({});
      expect(state.filters).toEqual({ delivery_status: "delivered", final_disposition: preset.name.split(" ")[1] });
      expect(state.range).toBe("30d");
    }
    expect(DELIVERED_THREATS.note).toMatch(/last 30 days.*one disposition at a time/);
  });

  it("is written in the canonical form a saved view has, so it is recognised as the current view", () => {
    for (const preset of DELIVERED_THREATS.presets) expect(canonicalViewQuery(preset.query)).toEqual({ ok: true, query: preset.query });
  });
});

describe("canonicalViewQuery", () => {
  it("drops the page position and keeps a relative range relative", () => {
    expect(canonicalViewQuery("?cursor=abc&prev=x,y&range=24h&sender=a.example")).toEqual({ ok: true, query: "sender=a.example&range=24h" });
    // A search that names no window is the search page's default, the last 7 days, and says so.
    expect(canonicalViewQuery("page=3&final_disposition=SPAM")).toEqual({ ok: true, query: "final_disposition=SPAM&range=7d" });
    expect(canonicalViewQuery("")).toEqual({ ok: true, query: "range=7d" });
  });

  it("refuses what the search page could not run, naming why", () => {
    expect(canonicalViewQuery("delivery_status=lost")).toMatchObject({ ok: false, message: expect.stringMatching(/^Delivery status: /) });
    expect(canonicalViewQuery("range=7d&start=2026-01-01T00:00:00Z")).toMatchObject({ ok: false, message: expect.stringMatching(/not both/) });
    expect(canonicalViewQuery("submission=true")).toMatchObject({ ok: false, message: expect.stringMatching(/Submissions can only be used by bulk jobs/) });
    expect(canonicalViewQuery("utm_source=mail")).toEqual({ ok: false, message: "Unknown search parameters: utm_source" });
  });
});
