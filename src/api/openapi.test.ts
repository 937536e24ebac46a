import { readFileSync } from 'node:fs';
import { expect, test } from 'vitest';
import { buildOpenApiDocument } from './openapi';
import { openApiPath, serializeOpenApi } from './openapi-file';

test('the committed OpenAPI document matches the schemas (run `npm run contract` if not)', () => {
  expect(readFileSync(openApiPath, 'utf8')).toBe(serializeOpenApi(buildOpenApiDocument()));
});

test('every operation documents its 4xx answers and has an id and summary', () => {
  const document = buildOpenApiDocument();
  const operations = Object.entries(document.paths ?? {}).flatMap(([path, item]) =>
    (['get', 'post', 'put', 'delete'] as const).flatMap((method) => {
      const op = item[method];
      return op ? [{ name: `${method} ${path}`, op }] : [];
    }),
  );
  expect(operations.length).toBeGreaterThanOrEqual(7);
  for (const { name, op } of operations) {
    expect(op.operationId, name).toBeTruthy();
    expect(op.summary, name).toBeTruthy();
    const statuses = Object.keys(op.responses ?? {});
    if (name !== 'get /api/session')
      expect(
        statuses.some((s) => s.startsWith('4')),
        name,
      ).toBe(true);
  }
});
