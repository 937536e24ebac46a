/** `npm run build`, after the console: the server's bundle (`dist-server/main.mjs`). */
import { buildServerBundle } from '../src/server/start/server-bundle';

await buildServerBundle();
