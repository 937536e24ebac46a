import { z } from '../../lib/zod';
import { Timestamp } from './common';
import { URL_RULE, untrusted } from './report-text';

/** The person a report names (NCMEC's `personOrUserReported`): the uploader the data holds. */

export const IpEventName = z
  .enum(['Login', 'Registration', 'Purchase', 'Upload', 'Other', 'Unknown'])
  .meta({ id: 'IpEventName' });
export type IpEventName = z.infer<typeof IpEventName>;

export const IpCaptureEvent = z
  .object({
    ipAddress: z.string().min(1).max(100).meta({
      description:
        'NCMEC: a valid IPv4, IPv6 or IPv4-mapped IPv6 address (the checklist shows another value refused).',
    }),
    eventName: IpEventName,
    dateTime: Timestamp.nullable(),
  })
  .meta({ id: 'IpCaptureEvent' });
export type IpCaptureEvent = z.infer<typeof IpCaptureEvent>;

export const ReportedPerson = z
  .object({
    screenName: untrusted(
      'Uploader account name in the dataset.',
      'at most 256 characters',
    ).nullable(),
    profileUrl: untrusted('Uploader profile URL.', URL_RULE).nullable(),
    ipCaptureEvents: z.array(IpCaptureEvent).max(50),
  })
  .meta({
    id: 'ReportedPerson',
    description:
      'The uploader the data holds, always `thirdPartyUserReported`. The supplier is never the suspect.',
  });
export type ReportedPerson = z.infer<typeof ReportedPerson>;
