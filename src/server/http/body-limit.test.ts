import { expect, test } from 'vitest';
import { z } from '../../lib/zod';
import { allEndpoints } from '../../api/endpoints/all';
import { endpoints } from '../../api/endpoints';
import { reportEndpoints } from '../../api/endpoints/reports';
import { ReportEditable, type ReportEditable as Editable } from '../../api/schemas/report';
import { ReportUpdate } from '../../api/schemas/report-workflow';
import { DEFAULT_BODY_LIMIT, bodyLimit, jsonByteBound } from './body-limit';

const bytes = (value: unknown) => new TextEncoder().encode(JSON.stringify(value)).length;
/** The costliest character to send: JSON escapes it as six bytes. */
const costly = (length: number) => '\u0001'.repeat(length);

test('a string of at most 10 code units is at most 62 bytes: quotes and six per escaped unit', () => {
  const schema = z.string().check(z.maxLength(10));
  expect(jsonByteBound(schema)).toBe(62);
  expect(bytes(costly(10))).toBe(62);
});

test('the bound of objects, arrays, enums, numbers and nullables covers their largest value', () => {
  const schema = z.object({
    tags: z.array(z.enum(['a', 'longest'])).check(z.maxLength(3)),
    count: z.int().check(z.gte(0), z.lte(999)),
    note: z.nullable(z.string().check(z.maxLength(2))),
    done: z.optional(z.boolean()),
    kind: z.literal('x'),
  });
  const largest = { tags: ['longest', 'longest', 'longest'], count: 999, note: costly(2) };
  const withRest = { ...largest, done: false, kind: 'x' };
  expect(schema.safeParse(withRest).success).toBe(true);
  expect(jsonByteBound(schema)).toBe(bytes(withRest));
});

test('whatever has no maximum is unbounded, and its route gets the default cap', () => {
  expect(jsonByteBound(z.string())).toBe(Infinity);
  expect(jsonByteBound(z.array(z.number()))).toBe(Infinity);
  expect(jsonByteBound(z.record(z.string(), z.number()))).toBe(Infinity);
  expect(jsonByteBound(z.looseObject({ a: z.number() }))).toBe(Infinity);
  // trim before max: any amount of surrounding whitespace is valid input
  expect(jsonByteBound(z.string().check(z.trim(), z.maxLength(10)))).toBe(Infinity);
  expect(jsonByteBound(z.string().check(z.maxLength(10), z.trim()))).toBe(62);
  expect(bodyLimit(z.string())).toBe(DEFAULT_BODY_LIMIT);
  expect(bodyLimit(undefined)).toBe(DEFAULT_BODY_LIMIT);
  expect(bodyLimit(z.string().check(z.maxLength(10)))).toBe(62);
});

/** The largest report save the contract accepts: every field at its maximum, in costly chars. */
function largestReportUpdate(fileCount: number): z.input<typeof ReportUpdate> {
  const time = `2025-01-01T00:00:00.${'9'.repeat(9)}Z`;
  const longestOf = <T extends string>(options: readonly T[]) =>
    options.reduce((a, b) => (b.length > a.length ? b : a));
  const file: Editable['files'][number] = {
    sha256: 'f'.repeat(64),
    originalFileName: costly(4000),
    locationOfFile: costly(4000),
    publiclyAvailable: false,
    exifViewedByEsp: false,
    industryClassification: 'A1',
    fileAnnotations:
      ReportEditable.shape.files.def.element.shape.fileAnnotations.def.element.options,
  };
  const shape = ReportEditable.shape;
  return {
    version: Number.MAX_SAFE_INTEGER,
    fields: {
      incidentSummary: {
        incidentType: longestOf(shape.incidentSummary.shape.incidentType.def.innerType.options),
        escalateToHighPriority: costly(2000),
        reportAnnotations: shape.incidentSummary.shape.reportAnnotations.def.element.options,
        incidentDateTime: time,
        incidentDateTimeDescription: costly(500),
      },
      webPages: Array.from({ length: 200 }, () => ({
        url: costly(4000),
        thirdPartyHostedContent: false,
        additionalInfo: costly(100),
      })),
      reportedPerson: {
        screenName: costly(4000),
        profileUrl: costly(4000),
        ipCaptureEvents: Array.from({ length: 50 }, () => ({
          ipAddress: costly(100),
          eventName: 'Registration' as const,
          dateTime: time,
        })),
      },
      additionalInfo: costly(20_000),
      excludedFromTraining: false,
      files: Array.from({ length: fileCount }, () => file),
      notAvailable: shape.notAvailable.def.element.shape.field.options.map((field) => ({
        field,
        reason: costly(2000),
      })),
    },
  };
}

test('the largest valid report save fits under its route’s limit', () => {
  const maxFiles = 5000;
  const one = largestReportUpdate(1);
  expect(ReportUpdate.safeParse(one).success).toBe(true);
  const all = largestReportUpdate(maxFiles);
  expect(ReportUpdate.safeParse(all).success).toBe(true);
  expect(ReportUpdate.safeParse(largestReportUpdate(maxFiles + 1)).success).toBe(false);
  // Measured without building the 240 MB text: the files array is one file's JSON, 5000 times.
  const fileBytes = bytes(one.fields.files[0]);
  const total = bytes(largestReportUpdate(0)) + maxFiles * fileBytes + (maxFiles - 1);
  const limit = bodyLimit(reportEndpoints.updateReport.body);
  expect(total).toBeLessThanOrEqual(limit);
  // Not a cap picked out of the air: within 2% of what the schema allows.
  expect(limit).toBeLessThan(total * 1.02);
});

test('the largest valid cluster decision fits under the default cap its trimmed note falls back to', () => {
  const request = {
    verdict: { kind: 'escalate', reason: costly(2000) },
    note: costly(4000),
    items: Array.from({ length: 500 }, (_, i) => ({
      itemId: `i${String(i).padStart(127, '0')}`,
      itemVersion: Number.MAX_SAFE_INTEGER,
    })),
    idempotencyKey: costly(100),
  };
  expect(endpoints.decideCluster.body.safeParse(request).success).toBe(true);
  expect(bytes(request)).toBeLessThanOrEqual(bodyLimit(endpoints.decideCluster.body));
});

test('every route with a body has a limit, and sign-in’s is small', () => {
  for (const endpoint of allEndpoints) expect(bodyLimit(endpoint.body)).toBeGreaterThan(0);
  expect(bodyLimit(endpoints.signIn.body)).toBeLessThan(1000);
});
