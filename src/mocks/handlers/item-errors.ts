import { ItemConflict } from '../backend/decisions';
import { HttpError } from '../../server/http/responses';

const statusOf: Partial<Record<ItemConflict['code'], number>> = {
  invalid: 400,
  forbidden: 403,
  maker_mismatch: 403,
  not_found: 404,
};

/** Runs a backend change; an ItemConflict becomes its HTTP error (409 unless `statusOf` says). */
export function asHttp<T>(run: () => T): T {
  try {
    return run();
  } catch (error) {
    if (error instanceof ItemConflict)
      throw new HttpError(statusOf[error.code] ?? 409, error.code, error.message);
    throw error;
  }
}
