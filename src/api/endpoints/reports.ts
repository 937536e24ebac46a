import { z } from '../../lib/zod';
import { Id, hexDigest } from '../schemas/common';
import { Report } from '../schemas/report';
import {
  ReportFileMove,
  ReportFileMoved,
  ReportList,
  ReportListQuery,
  ReportTransition,
  ReportUpdate,
  SupplierReasons,
} from '../schemas/report-workflow';
import type { Endpoint } from './endpoint';

/** The path of every operation on one report. */
export const ReportIdParams = z.object({ reportId: Id });
const editors = ['analyst', 'supervisor'] as const;
const everyone = ['analyst', 'supervisor', 'auditor'] as const;

/**
 * CyberTipline reports: drafts, their review, their documents. Called only from the lazily loaded
 * report screens, which import this file rather than the registry in `index.ts`. Query options and
 * invalidation: `reports.queries.ts`.
 */
export const reportEndpoints = {
  listReports: {
    operationId: 'listReports',
    method: 'get',
    path: '/api/reports',
    summary: 'Report drafts and filed reports: preservation ending soon first, then least complete',
    description:
      'Confirmed items are gathered into drafts by incident (same supplier, dataset and ingestion batch) and uploader: NCMEC takes at most one reported person per report. Each row carries its completeness checklist’s count and what blocks it, a value NCMEC’s rules refuse included; a filed row its preservation deadline (one calendar year after filing). Filed reports whose deadline is within 30 days come first.',
    tag: 'reports',
    access: everyone,
    query: ReportListQuery,
    response: ReportList,
    errors: [400, 401],
  },
  getReport: {
    operationId: 'getReport',
    method: 'get',
    path: '/api/reports/{reportId}',
    summary: 'One report, with its files, review and filing progress',
    description:
      '`fileViewedByEsp` of each file is derived from the audit log when read. While a filing runs, poll this for its steps.',
    tag: 'reports',
    access: everyone,
    params: ReportIdParams,
    response: Report,
    errors: [401, 404],
  },
  updateReport: {
    operationId: 'updateReport',
    method: 'put',
    path: '/api/reports/{reportId}',
    summary: 'Save a report’s fields',
    description:
      'Drafts and rejected reports: analysts and supervisors. In review: a supervisor’s amendment (also in `amendedBy`; the audit event says `amendment: true`). Whoever saves becomes one of its `draftEditors`, none of whom may approve it. A value NCMEC’s rules refuse is saved (it is evidence); the checklist shows it refused, and submitting, approving and filing refuse the report while it holds one. Filed reports are read-only (409). A stale `version` is a 409.',
    tag: 'reports',
    access: editors,
    params: ReportIdParams,
    body: ReportUpdate,
    response: Report,
    errors: [400, 401, 403, 404, 409],
  },
  moveReportFile: {
    operationId: 'moveReportFile',
    method: 'post',
    path: '/api/reports/{reportId}/moves',
    summary: 'Move a file (every item with its SHA-256) to another draft',
    description:
      'Between open drafts of the same supplier, or into a new one (`to: null`). Both reports’ versions are bumped. The mover becomes an editor of both, and the report the file arrives in takes the editors of the one it left (their edits to the file come with it).',
    tag: 'reports',
    access: editors,
    params: ReportIdParams,
    body: ReportFileMove,
    response: ReportFileMoved,
    errors: [400, 401, 403, 404, 409],
  },
  transitionReport: {
    operationId: 'transitionReport',
    method: 'post',
    path: '/api/reports/{reportId}/transitions',
    summary: 'Submit, approve, reject or reopen a report',
    description:
      'Approval: a supervisor who neither changed the report (edited it, moved its files, amended it in review) nor submitted it, only while no checklist entry blocks; the approver becomes the reporter. Rejection needs a comment and returns it for editing. Refusals: 403 `forbidden` (the role), 403 `four_eyes` (one of its editors or its submitter), 409 `refused_by_ncmec` (submitting or approving a report holding a value NCMEC’s rules refuse; the message lists each with its rule), 409 `incomplete` (a checklist entry blocks), 409 `invalid_transition` (not in a status that allows it), 409 `version_conflict`.',
    tag: 'reports',
    access: editors,
    params: ReportIdParams,
    body: ReportTransition,
    response: Report,
    errors: [400, 401, 403, 404, 409],
  },
  createSupplementalReport: {
    operationId: 'createSupplementalReport',
    method: 'post',
    path: '/api/reports/{reportId}/supplemental',
    summary: 'Start a supplemental report linked to a filed one',
    description:
      'A new draft for the same incident whose `priorCTReports` is the filed report’s id. It carries only what is new: none of the files, web pages or notes of the reports it follows (it keeps the incident and the reported person). Newly confirmed items of the incident join it; a file an earlier report of the chain sent is refused (409 `already_reported`), and it cannot be submitted without a new file (409). One is open at a time: while one is (a draft, or in review), another is a 409 `supplemental_open` naming it.',
    tag: 'reports',
    access: editors,
    params: ReportIdParams,
    response: Report,
    errors: [401, 403, 404, 409],
  },
  getReportXml: {
    operationId: 'getReportXml',
    method: 'get',
    path: '/api/reports/{reportId}/report.xml',
    summary: 'The CyberTipline `<report>` document',
    description:
      'In NCMEC’s XSD element order; all text escaped, characters XML 1.0 cannot carry dropped. 409 while a required field is missing.',
    tag: 'reports',
    access: everyone,
    params: ReportIdParams,
    response: { mediaType: 'application/xml' },
    errors: [401, 404, 409],
  },
  getFileDetailsXml: {
    operationId: 'getFileDetailsXml',
    method: 'get',
    path: '/api/reports/{reportId}/files/{sha256}/file-details.xml',
    summary: 'The CyberTipline `<fileDetails>` document of one file',
    description: 'Before filing, `reportId` is 0 and `fileId` a placeholder: NCMEC assigns both.',
    tag: 'reports',
    access: everyone,
    params: z.extend(ReportIdParams, { sha256: hexDigest(64) }),
    response: { mediaType: 'application/xml' },
    errors: [401, 404],
  },
  listSupplierReasons: {
    operationId: 'listSupplierReasons',
    method: 'get',
    path: '/api/suppliers/{supplierId}/not-available-reasons',
    summary: 'Reasons given for a supplier’s missing actionability fields',
    description:
      'Evidence of which suppliers withhold provenance; offered when marking a field not available.',
    tag: 'reports',
    access: everyone,
    params: z.object({ supplierId: Id }),
    response: SupplierReasons,
    errors: [401],
  },
} as const satisfies Record<string, Endpoint>;
