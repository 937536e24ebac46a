import { AuditFilterQuery, AuditPage, AuditQuery } from '../schemas/audit';
import type { Endpoint } from './endpoint';

/** The audit log: read by position, exported whole. Query options: `audit.queries.ts`. */
export const auditEndpoints = {
  listAudit: {
    operationId: 'listAudit',
    method: 'get',
    path: '/api/audit',
    summary: 'The audit log, filtered and paged by position',
    description:
      'Events in `seq` order, filtered by actor, role, action, subject and time range; any page by `offset`. Unfiltered, position `offset` holds `seq` `offset + 1`, which is how a verifier reads a contiguous range. `seqRange` covers the filter; `head` is the chain’s head. The canonical form and hash are described on `AuditEvent`.',
    tag: 'audit',
    access: ['auditor', 'supervisor'],
    query: AuditQuery,
    response: AuditPage,
    errors: [400, 401, 403],
  },
  exportAuditCsv: {
    operationId: 'exportAuditCsv',
    method: 'get',
    path: '/api/audit/export.csv',
    summary: 'Export the filtered audit log as CSV',
    description:
      'Streamed. Columns: seq, at, actor_id, actor_name, actor_role, action, subject_type, subject_id, detail (canonical JSON), prev_hash, hash, canonical (the exact text `hash` is the SHA-256 of). RFC 4180 quoting; a cell starting with `=`, `+`, `-`, `@`, tab or carriage return is prefixed with an apostrophe so no spreadsheet runs it as a formula. Audited as `audit.exported`.',
    tag: 'audit',
    access: ['auditor', 'supervisor'],
    query: AuditFilterQuery,
    response: { mediaType: 'text/csv' },
    errors: [400, 401, 403],
  },
  exportAuditJsonl: {
    operationId: 'exportAuditJsonl',
    method: 'get',
    path: '/api/audit/export.jsonl',
    summary: 'Export the filtered audit log as JSON Lines',
    description:
      'Streamed: one `AuditEvent` per line, with its hashes, verifiable offline. Audited as `audit.exported`.',
    tag: 'audit',
    access: ['auditor', 'supervisor'],
    query: AuditFilterQuery,
    response: { mediaType: 'application/x-ndjson' },
    errors: [400, 401, 403],
  },
} as const satisfies Record<string, Endpoint>;
