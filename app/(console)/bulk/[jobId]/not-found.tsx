import { JobProblem } from "@/components/bulk/job/job-problem";

// Rendered (with HTTP 404) when Cloudflare does not know the job the page was asked for.
export default function BulkJobNotFound() {
  return (
    <JobProblem status={404} title="Bulk job not found">
      Cloudflare has no bulk job with this id. It may have been deleted.
    </JobProblem>
  );
}
