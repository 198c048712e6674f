import { describe, expect, it } from "vitest";
import {
  JOB_LIST_PAGE_SIZE,
  hasNextPage,
  parseJobListUrl,
  parseJobMessagesUrl,
  serializeJobListUrl,
  serializeJobMessagesUrl,
} from "./list-url";

describe("job list URL", () => {
  it("reads status, action type and page with the route's schema", () => {
    const { state, errors } = parseJobListUrl(new URLSearchParams("status=PROCESSING&action_type=MOVE&page=3"));
    expect(errors).toEqual({});
    expect(state).toEqual({ status: "PROCESSING", actionType: "MOVE", page: 3, perPage: JOB_LIST_PAGE_SIZE });
    expect(serializeJobListUrl(state)).toBe("status=PROCESSING&action_type=MOVE&page=3");
  });

  it.each([
    ["status=RUNNING", "status"],
    ["action_type=DELETE", "action_type"],
    ["page=0", "page"],
    ["page=abc", "page"],
    ["page=1&page=2", "page"],
  ])("drops and reports a bad value: %s", (qs, key) => {
    const { state, errors } = parseJobListUrl(new URLSearchParams(qs));
    expect(errors[key]).toBeTruthy();
    expect(state.page).toBe(1);
    expect(state.status).toBeUndefined();
  });

  it("omits defaults when written", () => {
    expect(serializeJobListUrl({ page: 1, perPage: JOB_LIST_PAGE_SIZE })).toBe("");
  });
});

describe("job messages URL", () => {
  it("reads a message status, including SKIPPED", () => {
    const { state, errors } = parseJobMessagesUrl(new URLSearchParams("status=SKIPPED&page=2"));
    expect(errors).toEqual({});
    expect(serializeJobMessagesUrl(state)).toBe("status=SKIPPED&page=2");
  });
});

describe("hasNextPage", () => {
  it("trusts next when given; otherwise a full page may have more", () => {
    expect(hasNextPage({ next: "2" }, 3, 25)).toBe(true);
    expect(hasNextPage({ next: null }, 25, 25)).toBe(true);
    expect(hasNextPage({ next: null }, 24, 25)).toBe(false);
    expect(hasNextPage(undefined, 0, 25)).toBe(false);
  });
});
