/** What a unit test that reaches for a backend is told (src/test/unit-setup.ts, no-backend.ts). */
export const noBackend =
  'this is a unit test: no backend. Tests in src/lib, src/domain and src/features/*/model run in ' +
  "Vitest's `unit` project, without a server or MSW; a test that needs the server belongs beside " +
  'the code that talks to it (the `console` project)';
