import type { Backend } from '../backend/backend';

export const insightsHandlers = (_backend: Backend) => [];
