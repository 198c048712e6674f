import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { Revealed } from "./revealed";

describe("Revealed", () => {
  it("shows each hidden character as a marker naming its code point, the text isolated", () => {
    const html = renderToStaticMarkup(<Revealed text={"Invoice \u202Egpj.exe\u200B"} />);
    expect(html).toBe(
      '<bdi>Invoice <span title="Hidden character U+202E" class="rounded-sm bg-amber-100 px-px text-amber-900">⟨RLO⟩</span>gpj.exe' +
        '<span title="Hidden character U+200B" class="rounded-sm bg-amber-100 px-px text-amber-900">⟨ZWSP⟩</span></bdi>',
    );
  });

  it("renders plain text as text, markup inert", () => {
    expect(renderToStaticMarkup(<Revealed text="<script>alert(1)</script>" />)).toBe("<bdi>&lt;script&gt;alert(1)&lt;/script&gt;</bdi>");
  });

  it("shows the fallback for no text", () => {
    expect(renderToStaticMarkup(<Revealed text={null} fallback="—" />)).toBe("—");
    expect(renderToStaticMarkup(<Revealed text="" fallback={<i>none</i>} />)).toBe("<i>none</i>");
  });
});
