import { onlineManager, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useSyncExternalStore } from 'react';
import { apiRequest } from '../../../api/client';
import { endpoints } from '../../../api/endpoints';
import { exposureShiftQueryOptions } from '../../../api/endpoints/wellness.queries';
import type { Wellness } from '../../../domain/wellness';
import { useNow } from '../../../lib/use-now';
import {
  breakDue,
  dismissBreak,
  shiftEndsAt,
  useRunningShift,
} from '../../../shared/wellness-state/model/exposure';

const useOnline = () =>
  useSyncExternalStore(onlineManager.subscribe.bind(onlineManager), () => onlineManager.isOnline());

/** The figures the break prompt and the settings show. */
export interface ShiftFigure {
  /** `server`: every browser's reveals; `browser`: only this browser's, while offline. */
  source: 'server' | 'browser';
  revealedMs: number;
  /** Null: no shift runs (the next reveal starts one). */
  startedAt: number | null;
  endsAt: number | null;
  breakDue: boolean;
  dismiss: () => void;
}

/**
 * This shift's exposure: the server's figure; while offline (or the server cannot be reached),
 * the browser's own, which counts only the reveals made here. Undefined until either is known.
 */
export function useShiftFigure(userId: string, wellness: Wellness): ShiftFigure | undefined {
  const { shiftHours, exposureBudgetSeconds } = wellness;
  const queryClient = useQueryClient();
  const server = useQuery(exposureShiftQueryOptions(userId, shiftHours));
  const online = useOnline();
  const now = useNow(60_000).getTime();
  const local = useRunningShift(userId, now, shiftHours);
  const dismissOnServer = useMutation({
    mutationFn: (shiftStartedAt: string) =>
      apiRequest(endpoints.dismissBreak, {
        params: { userId },
        body: { shiftStartedAt, shiftHours },
      }),
    onSuccess: (shift) =>
      queryClient.setQueryData(exposureShiftQueryOptions(userId, shiftHours).queryKey, shift),
  });
  const unreachable = !online || server.error?.status === 0;
  if (server.data && !unreachable) {
    const shift = server.data;
    const revealedMs = shift.revealedSeconds * 1000;
    return {
      source: 'server',
      revealedMs,
      startedAt: shift.startedAt === null ? null : Date.parse(shift.startedAt),
      endsAt: shift.endsAt === null ? null : Date.parse(shift.endsAt),
      breakDue: !shift.breakDismissed && revealedMs >= exposureBudgetSeconds * 1000,
      dismiss: () => {
        if (shift.startedAt !== null) dismissOnServer.mutate(shift.startedAt);
      },
    };
  }
  if (!unreachable) return undefined;
  return {
    source: 'browser',
    revealedMs: local.revealedMs,
    startedAt: local.startedAt,
    endsAt: shiftEndsAt(local, shiftHours),
    breakDue: breakDue(local, exposureBudgetSeconds),
    dismiss: () => dismissBreak(userId, Date.now(), shiftHours),
  };
}
