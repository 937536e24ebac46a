import { parseArgs } from 'node:util';
import { z } from '../../lib/zod';
import { MockConfigRequest, StartOnlyOptions, type MockConfig } from '../demo/knobs';
import { allowedHostNames } from '../http/request-guards';

export interface StartOptions {
  /** The knobs and limits given on the command line, and only those. */
  config: Partial<MockConfig>;
  port: number;
  host: string;
  /** Serve no console (for `npm run dev`, where Vite serves it). */
  apiOnly: boolean;
  allowedHosts: string[];
  /** Delete the stored data and seed it again. */
  reset: boolean;
}

/**
 * The server's options, checked; a bad one throws why. `--seed 7 --items 100000 --latency 200
 * --lease-seconds 300 --port 4318 --host 127.0.0.1`; `--max-held 5` the most items one reviewer
 * holds at once; `--session-idle-minutes 30 --session-max-hours 12` the session limits (these
 * defaults); `--api-only` serves no console; `--allow-host name` (repeatable, or comma separated)
 * answers a host name besides the loopback ones; `--reset` replaces the stored demo data.
 */
export function parseStartOptions(args: string[]): StartOptions {
  const { values } = parseArgs({
    args,
    options: {
      seed: { type: 'string' },
      items: { type: 'string' },
      latency: { type: 'string' },
      'lease-seconds': { type: 'string' },
      'max-held': { type: 'string' },
      'session-idle-minutes': { type: 'string' },
      'session-max-hours': { type: 'string' },
      port: { type: 'string', default: process.env.PORT ?? '4318' },
      host: { type: 'string', default: '127.0.0.1' },
      'api-only': { type: 'boolean', default: false },
      'allow-host': { type: 'string', multiple: true, default: [] },
      reset: { type: 'boolean', default: false },
    },
  });
  const allowedHosts = allowedHostNames(values['allow-host']);
  const number = (raw: string | undefined) => (raw === undefined ? undefined : Number(raw));
  // The same rules as `POST /__mock/config`, and the limits only a start sets.
  const knobs = z
    .extend(z.omit(MockConfigRequest, { faults: true, reset: true }), StartOnlyOptions.shape)
    .safeParse({
      seed: number(values.seed),
      items: number(values.items),
      latency: number(values.latency),
      leaseSeconds: number(values['lease-seconds']),
      maxHeld: number(values['max-held']),
      sessionIdleMinutes: number(values['session-idle-minutes']),
      sessionMaxHours: number(values['session-max-hours']),
    });
  if (!knobs.success) {
    const issue = knobs.error.issues[0];
    const flag = String(issue?.path[0] ?? 'option').replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
    throw new Error(`--${flag}: ${issue?.message ?? 'invalid'}`);
  }
  const port = number(values.port);
  if (port === undefined || !Number.isInteger(port) || port < 0 || port > 65_535) {
    throw new Error(`--port must be a port number, got ${values.port}`);
  }
  const config: Partial<MockConfig> = Object.fromEntries(
    Object.entries(knobs.data).filter(([, v]) => v !== undefined),
  );
  return {
    config,
    port,
    host: values.host,
    apiOnly: values['api-only'],
    allowedHosts,
    reset: values.reset,
  };
}
