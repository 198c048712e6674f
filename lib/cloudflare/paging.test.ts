import { describe, expect, it } from "vitest";
import { toResultInfo } from "./paging";

describe("toResultInfo", () => {
  it("passes cursors on; a cursor reply (page 0, deprecated) has no next page number", () => {
    expect(toResultInfo({ count: 2, per_page: 2, total_count: 0, page: 0, next: "ab/c+=", previous: null }, 2)).toEqual({
      count: 2,
      per_page: 2,
      next: "ab/c+=",
      previous: null,
      page: null,
      next_page: null,
    });
    expect(toResultInfo({ count: 2, per_page: 2, total_count: 0, page: 0, next: null }, 2).next_page).toBeNull();
  });

  it("continues a page-numbered reply with page N+1 while pages are full", () => {
    expect(toResultInfo({ count: 50, per_page: 50, total_count: 120, page: 1 }, 50)).toMatchObject({ page: 1, next_page: 2, next: null });
    expect(toResultInfo({ count: 50, per_page: 50, page: 2 }, 50, 2).next_page).toBe(3);
  });

  it("stops on a short or empty page", () => {
    expect(toResultInfo({ count: 20, per_page: 50, page: 3 }, 20).next_page).toBeNull();
    expect(toResultInfo({ count: 0, per_page: 50, page: 4 }, 0).next_page).toBeNull();
  });

  it("uses the page it asked for when the reply names none", () => {
    expect(toResultInfo({ count: 25, per_page: 25 }, 25, 4)).toMatchObject({ page: 4, next_page: 5 });
  });

  it("counts unreadable rows as received, so a page that lost one is still full", () => {
    expect(toResultInfo({ per_page: 3, page: 1 }, 3).next_page).toBe(2);
  });

  it("survives a missing, null or malformed result_info", () => {
    expect(toResultInfo(undefined, 3)).toEqual({ count: 3, per_page: 3, next: null, previous: null, page: null, next_page: null });
    expect(toResultInfo(null, 0).next_page).toBeNull();
    expect(toResultInfo({ count: "x", next: 5 }, 1)).toMatchObject({ count: 1, next: null });
  });
});
