import type { ApiError } from './api-error';

// Every query and mutation fails with the client's one error type.
declare module '@tanstack/react-query' {
  interface Register {
    defaultError: ApiError;
  }
}
