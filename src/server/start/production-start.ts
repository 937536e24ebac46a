/**
 * What a start outside demo mode needs and this server does not have yet. Until both exist, such
 * a start refuses to run, saying this.
 */
export const MISSING_FOR_PRODUCTION: readonly string[] = [
  'single sign-on for people: the only way in today is the demo’s sign-in, as a made-up user, without a password',
  'a way for scanners to send flags: the only items today are the demo’s generated ones',
];

/** Whether the environment asks for demo mode (`VERITY_DEMO=1`, as `npm start` sets it). */
export const isDemoMode = (env: NodeJS.ProcessEnv) =>
  env.VERITY_DEMO === '1' || env.VERITY_DEMO === 'true';

export const productionStartRefusal = () =>
  [
    'Verity cannot start for real use yet: a start outside demo mode needs',
    ...MISSING_FOR_PRODUCTION.map((missing) => `  - ${missing};`),
    'and neither exists in this version. To run the demo, set VERITY_DEMO=1 (`npm start` does).',
  ].join('\n');
