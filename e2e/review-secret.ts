/**
 * The key of the draw that sends a share of dismissals to a blind second review, fixed for the e2e
 * server (`VERITY_REVIEW_SECRET`) so a test can tell which dismissals are final. `npm start` draws
 * a random one.
 */
export const e2eReviewSecret = 'e2e-review-secret';
