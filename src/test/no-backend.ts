import { noBackend } from './no-backend-message';

/**
 * In the unit project (vite.config.ts), every import of the test server, MSW or a database driver
 * resolves here: a unit test that imports one fails as it loads, and says why.
 */
throw new Error(noBackend);
