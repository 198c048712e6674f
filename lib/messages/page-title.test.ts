import { describe, expect, it } from "vitest";
import { describeFilters, parseMessageUrl } from "./search-url";
import { messagesPageTitle } from "./page-title";

const titleOf = (query: Record<string, string>) => messagesPageTitle(describeFilters(parseMessageUrl(query).state));

describe("the message list's tab title", () => {
  it("names the search's values, range included", () => {
    expect(titleOf({ final_disposition: "MALICIOUS", range: "7d" })).toBe("Messages: MALICIOUS · Last 7 days");
  });

  it("is plain for no filters at all", () => {
    expect(messagesPageTitle([])).toBe("Messages");
  });

  it("stays short for a long search", () => {
    const title = titleOf({ sender: "a-very-long-sender-address-indeed@subdomain.example-company.test", subject: "Quarterly invoice overdue", range: "30d" });
    expect(title.length).toBeLessThanOrEqual("Messages: ".length + 60);
    expect(title.endsWith("…")).toBe(true);
  });
});
