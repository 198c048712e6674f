import { describe, expect, it } from "vitest";
import { AppError } from "./errors";

describe("AppError", () => {
  it("is recognised across copies of the class (as when two bundles share an object)", async () => {
    // A query string makes Vite load a second, separate instance of the module.
    const copy = (await import("./errors?copy" as string)) as typeof import("./errors");
    expect(copy.AppError).not.toBe(AppError);
    const err = new AppError("not_found", "gone");
    expect(err instanceof copy.AppError).toBe(false);
    expect(copy.AppError.is(err)).toBe(true);
    expect(AppError.is(new copy.AppError("bad_request", "x"))).toBe(true);
    expect(AppError.is(new Error("x"))).toBe(false);
    expect(AppError.is(null)).toBe(false);
  });

  it("maps codes to statuses and keeps an upstream status when given", () => {
    expect(new AppError("upstream_timeout", "x").status).toBe(504);
    expect(new AppError("upstream_rejected", "x", { status: 409 }).toBody().error).toMatchObject({ status: 409, code: "upstream_rejected" });
  });
});
