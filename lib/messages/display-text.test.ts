import { describe, expect, it } from "vitest";
import { addressParts, commonRecipientDomain, recipientLabel, registrableDomain } from "./display-text";

describe("registrableDomain", () => {
  it.each([
    ["lucky-lottery.info", "lucky-lottery.info"],
    ["mail.lucky-lottery.info", "lucky-lottery.info"],
    ["a.b.marketing.example.com", "example.com"],
    ["mail.example.co.uk", "example.co.uk"],
    ["example.co.uk", "example.co.uk"],
    ["shop.example.com.au", "example.com.au"],
    // "co" is a real name under .com: only two-letter country domains have second-level registries.
    ["x.co.com", "co.com"],
    ["localhost", "localhost"],
    ["Mail.Example.COM", "example.com"],
  ])("%s → %s", (domain, expected) => {
    expect(registrableDomain(domain)).toBe(expected);
  });
});

describe("addressParts", () => {
  it("keeps the domain whole and apart from the local part, which is the piece to cut", () => {
    expect(addressParts("winner6@lucky-lottery.info")).toEqual({ local: "winner6", subdomain: "", registrable: "lucky-lottery.info" });
    expect(addressParts("newsletter@marketing.Example.co.uk")).toEqual({
      local: "newsletter",
      subdomain: "marketing.",
      registrable: "Example.co.uk",
    });
  });

  it.each(["no-at-sign", "@example.com", "trailing@", ""])("%j has no domain to keep", (value) => {
    expect(addressParts(value)).toBeNull();
  });
});

describe("commonRecipientDomain and recipientLabel", () => {
  const page = [["quinn.nakamura@acme.example"], ["ops@acme.example", "x@other.test"], ["ceo@ACME.example"]];

  it("finds the domain most recipients share", () => {
    expect(commonRecipientDomain(page)).toBe("acme.example");
  });

  it("finds none without a majority", () => {
    expect(commonRecipientDomain([["a@one.test"], ["b@two.test"]])).toBeNull();
    expect(commonRecipientDomain([])).toBeNull();
  });

  it("drops only the page's own domain", () => {
    expect(recipientLabel("quinn.nakamura@acme.example", "acme.example")).toBe("quinn.nakamura");
    expect(recipientLabel("ceo@ACME.example", "acme.example")).toBe("ceo");
    expect(recipientLabel("x@other.test", "acme.example")).toBe("x@other.test");
    expect(recipientLabel("x@other.test", null)).toBe("x@other.test");
  });
});
