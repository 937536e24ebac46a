import { canonicalJson } from '../../../api/audit-canonical';
import type { AuditEvent } from '../../../api/schemas/audit';

/** An event's detail as text: its canonical JSON, shown as text, never as markup. */
export const canonicalDetail = (event: AuditEvent) => canonicalJson(event.detail);
