export { AuditEventDetails } from './components/audit-event-details';
export { AuditExport } from './components/audit-export';
export { AuditFilters } from './components/audit-filters';
export { AuditTable } from './components/audit-table';
export { BlindReviewNote } from './components/blind-review-note';
export { ItemTimeline } from './components/item-timeline';
export { VerifyPanel } from './components/verify-panel';
export { AuditSearch, filterOf } from './model/audit-search';
