import { describe, expect, it } from "vitest";
import { defang, defangDomain, defangEmail, defangIp, defangUrl } from "./defang";

describe("defangUrl", () => {
  it.each([
    ["http://evil.example/login", "hxxp://evil[.]example/login"],
    ["https://a.b.c/x.html?q=1.2#f.g", "hxxps://a[.]b[.]c/x.html?q=1.2#f.g"],
    ["HTTPS://Evil.Example", "hxxps://Evil[.]Example"],
    ["ftp://files.example/a.zip", "fxp://files[.]example/a.zip"],
    ["https://user@evil.example/", "hxxps://user[@]evil[.]example/"],
    ["javascript:alert(1)", "javascript[:]alert(1)"],
    ["mailto:a@b.example", "mailto[:]a[@]b[.]example"],
    ["https://evil[.]example/", "hxxps://evil[.]example/"],
    ["evil.example/path", "evil[.]example/path"],
    ["http://192.0.2.1:8080/x", "hxxp://192[.]0[.]2[.]1:8080/x"],
  ])("%s → %s", (input, expected) => {
    expect(defangUrl(input)).toBe(expected);
  });

  it("never returns something that still starts with a live scheme", () => {
    for (const url of ["http://a.b", "https://a.b", "javascript:x", "data:text/html,<b>", "vbscript:x"]) {
      expect(defangUrl(url)).not.toMatch(/^(https?|javascript|data|vbscript):/i);
    }
  });
});

describe("defangDomain / defangIp / defangEmail", () => {
  it.each([
    [defangDomain("login.evil.example"), "login[.]evil[.]example"],
    [defangIp("192.0.2.10"), "192[.]0[.]2[.]10"],
    [defangIp("2001:db8::1"), "2001[:]db8[:][:]1"],
    [defangEmail("alerts@evil.example"), "alerts[@]evil[.]example"],
    [defangEmail("not-an-address.example"), "not-an-address[.]example"],
  ])("%s", (actual, expected) => {
    expect(actual).toBe(expected);
  });
});

describe("defang", () => {
  it("leaves plain text and hashes alone", () => {
    expect(defang("d41d8cd98f00b204e9800998ecf8427e", "text")).toBe("d41d8cd98f00b204e9800998ecf8427e");
  });
  it("dispatches on kind", () => {
    expect(defang("a.b", "domain")).toBe("a[.]b");
    expect(defang("http://a.b", "url")).toBe("hxxp://a[.]b");
  });
});
