import type { AuditEvent } from '../../api/schemas/audit';
import type { FlaggedItem } from '../../api/schemas/item';
import type { UrlCopyRequest } from '../../api/schemas/url-copy';
import type { User } from '../../api/schemas/user';
import { wholeDefanged } from '../../lib/defang';
import type { MockState } from './backend';

/** Where a subject holds a third-party URL, as the audit event names it. */
export type UrlField = 'source_url' | 'page_url' | 'profile_url' | 'file_location';

interface HeldUrl {
  url: string;
  field: UrlField;
}

/** The third-party URLs an item's provenance holds. */
export function itemUrls(item: FlaggedItem): HeldUrl[] {
  const { origin } = item.provenance;
  const held: HeldUrl[] = origin.sourceUrls.map((url) => ({ url, field: 'source_url' }));
  if (origin.pageUrl) held.push({ url: origin.pageUrl, field: 'page_url' });
  if (origin.uploader?.profileUrl)
    held.push({ url: origin.uploader.profileUrl, field: 'profile_url' });
  return held;
}

/** The URLs a report lists: its files' locations, and what its items' provenance holds. */
function reportUrls(state: MockState, reportId: string): HeldUrl[] | null {
  const report = state.reports.list().find((r) => r.id === reportId);
  if (!report) return null;
  const listed = report.files.flatMap((file) =>
    [file.locationOfFile, ...file.otherLocations].flatMap((url) =>
      url ? [{ url, field: 'file_location' as const }] : [],
    ),
  );
  return [...state.reports.itemsOf(report).flatMap(itemUrls), ...listed];
}

/**
 * Whose copy of which URL the log records: the subject's field that holds it, or null when the
 * subject holds no such URL (nothing is recorded, and nothing should be copied).
 */
export function heldUrl(state: MockState, request: UrlCopyRequest): HeldUrl | null {
  const { type, id } = request.subject;
  const item = type === 'item' ? state.itemsById.get(id) : undefined;
  const held = type === 'item' ? (item ? itemUrls(item) : null) : reportUrls(state, id);
  return held?.find((h) => h.url === request.url) ?? null;
}

/**
 * The `url.copied` event: the URL in its whole defanged form (the live form never enters the
 * log, which auditors read and export), the field that held it, and the form copied.
 */
export function recordUrlCopy(
  state: MockState,
  user: User,
  request: UrlCopyRequest,
  field: UrlField,
  now: Date,
): AuditEvent {
  return state.audit.append({
    at: now.toISOString(),
    actor: { id: user.id, name: user.name, role: user.role },
    action: 'url.copied',
    subject: request.subject,
    detail: {
      url: wholeDefanged(request.url),
      field,
      form: request.form,
    },
  });
}
