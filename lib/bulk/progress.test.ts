import { describe, expect, it } from "vitest";
import type { BulkJob } from "@/lib/cloudflare/types";
import { describeAction, formatDuration, hasActiveJob, isActiveStatus, isSettledJob, isSettledJobMessages, jobDurationMs, jobProgress } from "./progress";

const counters = (over: Partial<BulkJob> = {}) => ({
  status: "PROCESSING" as BulkJob["status"],
  total_messages_discovered: 300,
  messages_successful: 200,
  messages_failed: 6,
  messages_skipped: 4,
  messages_cancelled: 0,
  messages_pending: 90,
  ...over,
});

describe("jobProgress", () => {
  it("counts everything with an outcome as done, against discovered", () => {
    const p = jobProgress(counters());
    expect(p).toMatchObject({ done: 210, discovered: 300, percent: 70, consistent: true, indeterminate: false });
    expect(p.label).toBe("210 of 300 processed: 200 successful, 6 failed, 4 skipped, 0 cancelled, 90 pending");
  });

  it("includes cancelled messages as done", () => {
    const p = jobProgress(counters({ status: "CANCELLED", messages_pending: 0, messages_cancelled: 90 }));
    expect(p).toMatchObject({ done: 300, percent: 100, consistent: true });
  });

  it("is indeterminate until discovery has counted something", () => {
    for (const status of ["PENDING", "DISCOVERING"] as const) {
      const p = jobProgress(counters({ status, total_messages_discovered: 0, messages_successful: 0, messages_failed: 0, messages_skipped: 0, messages_pending: 0 }));
      expect(p.indeterminate).toBe(true);
      expect(p.percent).toBe(0);
    }
  });

  it("shows a finished job that matched nothing as complete", () => {
    const p = jobProgress(counters({ status: "COMPLETED", total_messages_discovered: 0, messages_successful: 0, messages_failed: 0, messages_skipped: 0, messages_pending: 0 }));
    expect(p).toMatchObject({ percent: 100, indeterminate: false, consistent: true, label: "0 of 0 processed: 0 successful, 0 failed, 0 skipped, 0 cancelled, 0 pending" });
  });

  it("flags counters that do not add up, and rounds down so 100% means all", () => {
    expect(jobProgress(counters({ messages_pending: 10 })).consistent).toBe(false);
    expect(jobProgress(counters({ total_messages_discovered: 1000, messages_successful: 999, messages_failed: 0, messages_skipped: 0, messages_pending: 1 })).percent).toBe(99);
  });

  it("treats missing or negative counters as 0", () => {
    const p = jobProgress({ ...counters(), messages_failed: -3, messages_skipped: undefined as unknown as number });
    expect(p.failed).toBe(0);
    expect(p.skipped).toBe(0);
  });
});

describe("active statuses", () => {
  it.each([
    ["PENDING", true],
    ["DISCOVERING", true],
    ["PROCESSING", true],
    ["COMPLETED", false],
    ["FAILED", false],
    ["CANCELLED", false],
    [undefined, false],
  ])("%s → %s", (status, active) => {
    expect(isActiveStatus(status)).toBe(active);
  });

  it("hasActiveJob looks at every listed job", () => {
    expect(hasActiveJob([{ status: "COMPLETED" }, { status: "PROCESSING" }])).toBe(true);
    expect(hasActiveJob([{ status: "COMPLETED" }, { status: "CANCELLED" }])).toBe(false);
    expect(hasActiveJob(undefined)).toBe(false);
  });
});

describe("jobDurationMs", () => {
  const created_at = "2026-11-24T10:00:00Z";
  it("runs from start to completion", () => {
    expect(jobDurationMs({ created_at, started_at: "2026-11-24T10:00:01Z", completed_at: "2026-11-24T10:02:06Z", status: "COMPLETED" }, 0)).toBe(125_000);
  });
  it("runs to now while active", () => {
    const now = Date.parse("2026-11-24T10:00:11Z");
    expect(jobDurationMs({ created_at, started_at: "2026-11-24T10:00:01Z", completed_at: null, status: "PROCESSING" }, now)).toBe(10_000);
  });
  it("is unknown before the job starts; a job cancelled before starting counts from creation", () => {
    expect(jobDurationMs({ created_at, started_at: null, completed_at: null, status: "PENDING" }, Date.now())).toBeNull();
    expect(jobDurationMs({ created_at, started_at: null, completed_at: "2026-11-24T10:00:02Z", status: "CANCELLED" }, 0)).toBe(2_000);
  });
});

describe("formatDuration", () => {
  it.each([
    [null, "—"],
    [850, "850 ms"],
    [42_000, "42 s"],
    [185_000, "3 min 05 s"],
    [7_620_000, "2 h 07 min"],
  ])("%s → %s", (ms, text) => {
    expect(formatDuration(ms)).toBe(text);
  });
});

describe("describeAction", () => {
  it("names the destination of a move", () => {
    expect(describeAction({ action_type: "MOVE", action_params: { type: "MOVE", destination: "JunkEmail" } })).toBe("Move to JunkEmail");
    expect(describeAction({ action_type: "RELEASE", action_params: { type: "RELEASE" } })).toBe("Release");
  });

  it("names an action the console does not know as Cloudflare did, and a missing one in words", () => {
    expect(describeAction({ action_type: "QUARANTINE", action_params: null })).toBe("QUARANTINE");
    expect(describeAction({ action_type: null })).toBe("Unknown action");
    expect(describeAction({ action_type: "MOVE", action_params: null })).toBe("Move");
  });

  it("reads missing counters and a null completed_at without failing", () => {
    const p = jobProgress({ status: "COMPLETED" });
    expect(p).toMatchObject({ discovered: 0, done: 0, percent: 100, indeterminate: false });
    expect(jobDurationMs({ status: "PROCESSING", created_at: null, started_at: null, completed_at: null }, 0)).toBeNull();
  });
});

describe("settled answers (what the read cache may keep)", () => {
  it.each([
    ["PENDING", false],
    ["DISCOVERING", false],
    ["PROCESSING", false],
    ["COMPLETED", true],
    ["CANCELLED", true],
    ["FAILED", true],
  ])("a %s job is settled: %s", (status, settled) => {
    expect(isSettledJob({ status })).toBe(settled);
  });

  it.each([
    ["no rows (the job may still be discovering)", [], false],
    ["a pending row", [{ status: "COMPLETED" }, { status: "PENDING" }], false],
    ["a row being processed", [{ status: "PROCESSING" }], false],
    ["a row without a status", [{ status: null }], false],
    ["every row with its outcome", [{ status: "COMPLETED" }, { status: "FAILED" }, { status: "SKIPPED" }, { status: "CANCELLED" }], true],
  ])("a page with %s is settled: %s", (_, rows, settled) => {
    expect(isSettledJobMessages(rows)).toBe(settled);
  });
});
