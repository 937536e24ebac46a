export type SlaState = 'none' | 'ok' | 'near' | 'breached';

export interface SlaReading {
  state: SlaState;
  /** Age of the oldest waiting item, in seconds; null when nothing waits. */
  ageSeconds: number | null;
}

/** How the oldest waiting item stands against the queue's SLA; `near` from 75% of it. */
export function readSla(oldestFlaggedAt: string | null, slaSeconds: number, now: Date): SlaReading {
  if (oldestFlaggedAt === null) return { state: 'none', ageSeconds: null };
  const ageSeconds = Math.max(0, (now.getTime() - Date.parse(oldestFlaggedAt)) / 1000);
  const state =
    ageSeconds > slaSeconds ? 'breached' : ageSeconds >= 0.75 * slaSeconds ? 'near' : 'ok';
  return { state, ageSeconds };
}

export const slaStateStyles: Record<SlaState, { label: string; className: string }> = {
  none: { label: 'Nothing waiting', className: 'text-slate-500' },
  ok: { label: 'Within SLA', className: 'text-emerald-800' },
  near: { label: 'Near SLA', className: 'bg-amber-100 text-amber-900' },
  breached: { label: 'SLA breached', className: 'bg-red-100 font-semibold text-red-900' },
};
