import { z } from '../../lib/zod';
import { Timestamp } from './common';
import { URL_RULE, untrusted } from './report-text';

/** The person a report names (NCMEC's `personOrUserReported`): the uploader the data holds. */

export const IpEventName = z
  .enum(['Login', 'Registration', 'Purchase', 'Upload', 'Other', 'Unknown'])
  .register(z.globalRegistry, { id: 'IpEventName' });
export type IpEventName = z.infer<typeof IpEventName>;

export const IpCaptureEvent = z
  .object({
    ipAddress: z.string().check(z.minLength(1), z.maxLength(100)).register(z.globalRegistry, {
      description:
        'NCMEC: a valid IPv4, IPv6 or IPv4-mapped IPv6 address (the checklist shows another value refused).',
    }),
    eventName: IpEventName,
    dateTime: z.nullable(Timestamp),
  })
  .register(z.globalRegistry, { id: 'IpCaptureEvent' });
export type IpCaptureEvent = z.infer<typeof IpCaptureEvent>;

export const ReportedPerson = z
  .object({
    screenName: z.nullable(
      untrusted('Uploader account name in the dataset.', 'at most 256 characters'),
    ),
    profileUrl: z.nullable(untrusted('Uploader profile URL.', URL_RULE)),
    ipCaptureEvents: z.array(IpCaptureEvent).check(z.maxLength(50)),
  })
  .register(z.globalRegistry, {
    id: 'ReportedPerson',
    description:
      'The uploader the data holds, always `thirdPartyUserReported`. The supplier is never the suspect.',
  });
export type ReportedPerson = z.infer<typeof ReportedPerson>;
