import { describe, expect, it } from "vitest";
import { describeLink } from "./links";

describe("describeLink", () => {
  it.each([
    ["words over an address", { href: "https://evil.test/login", text: " Click here " }, { shown: "Click here", disguised: false }],
    ["an address naming another host", { href: "https://evil.test/login", text: "www.paypal.com" }, { shown: "www.paypal.com", disguised: true }],
    ["a full URL naming another host", { href: "http://evil.test/", text: "https://paypal.com/account" }, { shown: "https://paypal.com/account", disguised: true }],
    ["an address naming its own host", { href: "https://www.acme.example/news", text: "acme.example/news" }, { shown: "acme.example/news", disguised: false }],
    ["no text", { href: "https://acme.example/", text: null }, { shown: null, disguised: false }],
    ["blank text", { href: "https://acme.example/", text: "   " }, { shown: null, disguised: false }],
    ["a sentence ending in a full stop", { href: "https://evil.test/", text: "Pay now." }, { shown: "Pay now.", disguised: false }],
    ["a script scheme", { href: "javascript:alert(1)", text: "<script>alert(1)</script>Click here" }, { shown: "<script>alert(1)</script>Click here", disguised: false }],
  ])("%s", (_, link, expected) => {
    expect(describeLink(link)).toEqual({ href: link.href, ...expected });
  });
});
