import { describe, expect, it } from "vitest";
import type { Message } from "@/lib/cloudflare/types";
import { jobMessageLinkId } from "./job-messages";

describe("jobMessageLinkId", () => {
  const investigateId = "4Njp3P0STMz2c02Q-2026-11-20T10:00:00-12345678";
  it.each([
    ["the embedded message's investigate id", { message: { id: investigateId } as Message, postfix_id: "4Njp3P0STMz2c02Q" }, investigateId],
    ["the postfix id when the message is absent", { postfix_id: "4Njp3P0STMz2c02Q" }, "4Njp3P0STMz2c02Q"],
    ["nothing when neither is a usable id", { postfix_id: "../../etc" }, null],
  ])("uses %s", (_name, row, expected) => {
    expect(jobMessageLinkId(row)).toBe(expected);
  });
});
