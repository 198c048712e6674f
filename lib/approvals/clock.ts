/**
 * The approvals' one source of time. Tests replace `now` (vi.spyOn) to move a request past its
 * expiry without moving the sessions' clock; production code never changes it.
 */
export const approvalClock = { now: (): number => Date.now() };
