"use client";

import { useCallback } from "react";
import { useUrlKeys } from "@/lib/url-state/use-url-keys";
import {
  JOB_LIST_URL_KEYS,
  JOB_MESSAGES_URL_KEYS,
  jobListUrlValues,
  jobMessagesUrlValues,
  parseJobListUrl,
  parseJobMessagesUrl,
  type JobListUrlState,
  type JobMessagesUrlState,
} from "./list-url";

// Filters and pages are steps Back should retrace.
export function useJobListUrl() {
  const { state: parsed, set } = useUrlKeys(JOB_LIST_URL_KEYS, { history: "push" }, parseJobListUrl);
  const navigate = useCallback((next: JobListUrlState) => set(jobListUrlValues(next)), [set]);
  return { ...parsed, navigate };
}

export function useJobMessagesUrl() {
  const { state: parsed, set } = useUrlKeys(JOB_MESSAGES_URL_KEYS, { history: "push" }, parseJobMessagesUrl);
  const navigate = useCallback((next: JobMessagesUrlState) => set(jobMessagesUrlValues(next)), [set]);
  return { ...parsed, navigate };
}
