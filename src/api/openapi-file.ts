import { fileURLToPath } from 'node:url';

/** Where the committed OpenAPI document lives, and its exact text form. */
export const openApiPath = fileURLToPath(new URL('./openapi.json', import.meta.url));
export const serializeOpenApi = (document: unknown) => `${JSON.stringify(document, null, 2)}\n`;
