import { z } from '../../lib/zod';
import { Id, Timestamp } from './common';
import { URL_RULE, untrusted, written } from './report-text';

/**
 * The incident a report is about: what groups its items, and NCMEC's `incidentSummary` and
 * `internetDetails` (what happened, when, and on which web pages).
 */

export const Incident = z
  .object({
    supplier: z.object({ id: Id, name: z.string() }),
    dataset: z.nullable(z.object({ id: Id, name: z.string(), version: z.nullable(z.string()) })),
    batchId: z.nullable(z.string()),
  })
  .register(z.globalRegistry, {
    id: 'Incident',
    description: 'What groups items into one report.',
  });
export type Incident = z.infer<typeof Incident>;

export const IncidentType = z
  .enum([
    'Child Pornography (possession, manufacture, and distribution)',
    'Child Sex Trafficking',
    'Child Sex Tourism',
    'Child Sexual Molestation',
    'Misleading Domain Name',
    'Misleading Words or Digital Images on the Internet',
    'Online Enticement of Children for Sexual Acts',
    'Unsolicited Obscene Material Sent to a Child',
  ])
  .register(z.globalRegistry, {
    id: 'IncidentType',
    description: 'NCMEC’s `incidentType` values, as spelled there.',
  });
export type IncidentType = z.infer<typeof IncidentType>;

export const ReportAnnotation = z
  .enum([
    'sextortion',
    'csamSolicitation',
    'minorToMinorInteraction',
    'spam',
    'sadisticOnlineExploitation',
  ])
  .register(z.globalRegistry, { id: 'ReportAnnotation' });
export type ReportAnnotation = z.infer<typeof ReportAnnotation>;

export const IncidentSummary = z
  .object({
    incidentType: z.nullable(IncidentType),
    escalateToHighPriority: z.nullable(written(2000)).register(z.globalRegistry, {
      description:
        'Why NCMEC should treat it first (signs of new or ongoing abuse); giving one escalates the report, so null when there is none. NCMEC: not blank when supplied, at most 3,000 characters; the console keeps it to 2,000.',
    }),
    reportAnnotations: z
      .array(ReportAnnotation)
      .check(z.maxLength(ReportAnnotation.options.length)),
    incidentDateTime: z.nullable(Timestamp),
    incidentDateTimeDescription: z.nullable(written(500)).register(z.globalRegistry, {
      description:
        'What that time is: crawl time, supplier delivery or ingestion. NCMEC accepts 3,000 characters; the console keeps it to 500.',
    }),
  })
  .register(z.globalRegistry, { id: 'IncidentSummary' });
export type IncidentSummary = z.infer<typeof IncidentSummary>;

export const WebPageIncident = z
  .object({
    url: untrusted('Web page or file URL.', URL_RULE),
    thirdPartyHostedContent: z.nullable(z.boolean()).register(z.globalRegistry, {
      description:
        'NCMEC: the URL is hosted on another company’s server and the reporter has no further information. Only a person says so: drafts leave it null (not sent).',
    }),
    additionalInfo: written(100).register(z.globalRegistry, {
      description:
        'Supplier, dataset and version, batch, record id, server IP, in short: the console’s limit of 100 characters (NCMEC’s documentation states none here); the report’s `additionalInfo` holds them in full.',
    }),
  })
  .register(z.globalRegistry, {
    id: 'WebPageIncident',
    description: 'One `internetDetails/webPageIncident`.',
  });
export type WebPageIncident = z.infer<typeof WebPageIncident>;
