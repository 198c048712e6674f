// The mark an approved bulk job carries in its comment, naming the request it was approved
// through: recovery finds interrupted approvals' jobs by it (recovery.ts), and pages show the
// requester's comment without it (the job page names the approval in a region of its own).

const MARK = /(?:^| )\[Triage approval ([0-9a-f-]{36})\]$/;

/** The comment an approved job is created with: the requester's, and the request's mark. */
export function markedComment(comment: string | null | undefined, requestId: string): string {
  const mark = `[Triage approval ${requestId}]`;
  return comment ? `${comment} ${mark}` : mark;
}

/** The request a job's comment names, if it was approved through the console. */
export function approvalIdInComment(comment: string | null | undefined): string | undefined {
  return comment ? MARK.exec(comment)?.[1] : undefined;
}

/** The requester's own comment, without the mark; null when there is none. */
export function withoutApprovalMark(comment: string | null | undefined): string | null {
  return comment ? comment.replace(MARK, "") || null : null;
}

/**
 * Whether a comment a person typed carries anything like the mark. Only the console writes marks
 * (markedComment, on approval); a typed one could tie a request to the wrong job in recovery.
 */
export function looksLikeApprovalMark(text: string): boolean {
  return /\[\s*triage\s+approval\b/i.test(text);
}
