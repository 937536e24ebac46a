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
    dataset: z.object({ id: Id, name: z.string(), version: z.string().nullable() }).nullable(),
    batchId: z.string().nullable(),
  })
  .meta({ id: 'Incident', description: 'What groups items into one report.' });
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
  .meta({ id: 'IncidentType', description: 'NCMEC’s `incidentType` values, as spelled there.' });
export type IncidentType = z.infer<typeof IncidentType>;

export const ReportAnnotation = z
  .enum([
    'sextortion',
    'csamSolicitation',
    'minorToMinorInteraction',
    'spam',
    'sadisticOnlineExploitation',
  ])
  .meta({ id: 'ReportAnnotation' });
export type ReportAnnotation = z.infer<typeof ReportAnnotation>;

export const IncidentSummary = z
  .object({
    incidentType: IncidentType.nullable(),
    escalateToHighPriority: written(2000).nullable().meta({
      description:
        'Why NCMEC should treat it first (signs of new or ongoing abuse); giving one escalates the report, so null when there is none. NCMEC: not blank when supplied, at most 3,000 characters; the console keeps it to 2,000.',
    }),
    reportAnnotations: z.array(ReportAnnotation).max(ReportAnnotation.options.length),
    incidentDateTime: Timestamp.nullable(),
    incidentDateTimeDescription: written(500).nullable().meta({
      description:
        'What that time is: crawl time, supplier delivery or ingestion. NCMEC accepts 3,000 characters; the console keeps it to 500.',
    }),
  })
  .meta({ id: 'IncidentSummary' });
export type IncidentSummary = z.infer<typeof IncidentSummary>;

export const WebPageIncident = z
  .object({
    url: untrusted('Web page or file URL.', URL_RULE),
    thirdPartyHostedContent: z.boolean().nullable().meta({
      description:
        'NCMEC: the URL is hosted on another company’s server and the reporter has no further information. Only a person says so: drafts leave it null (not sent).',
    }),
    additionalInfo: written(100).meta({
      description:
        'Supplier, dataset and version, batch, record id, server IP, in short: the console’s limit of 100 characters (NCMEC’s documentation states none here); the report’s `additionalInfo` holds them in full.',
    }),
  })
  .meta({ id: 'WebPageIncident', description: 'One `internetDetails/webPageIncident`.' });
export type WebPageIncident = z.infer<typeof WebPageIncident>;
