/**
 * For readers of the audit log who also make second reviews (supervisors): the log is whole, so
 * it shows first verdicts, and reading one leaves that item's blind second review to others.
 */
export function BlindReviewNote() {
  return (
    <p className="rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-950">
      The log shows first verdicts. Reading one while its item waits for a blind second review
      leaves that review to someone else: you will no longer be offered it. Auditors, who never
      review, read everything.
    </p>
  );
}
