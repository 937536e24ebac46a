/** `npm run contract`: writes src/api/openapi.json from the zod schemas. */
import { writeFileSync } from 'node:fs';
import { buildOpenApiDocument } from '../src/api/openapi';
import { openApiPath, serializeOpenApi } from '../src/api/openapi-file';

writeFileSync(openApiPath, serializeOpenApi(buildOpenApiDocument()));
console.log(`wrote ${openApiPath}`);
