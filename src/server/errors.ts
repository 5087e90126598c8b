import { DomainError } from '../domain/errors.ts';

/** Application error with a stable code; turned into HTTP in one place (see `statusFor`). */
export class AppError extends DomainError {}

const STATUS: Record<string, number> = {
  VALIDATION: 400,
  INVALID_VALUE: 400,
  UNKNOWN_INDICATOR: 400,
  GROUP_REQUIRED: 400,
  YEAR_OUT_OF_PERIOD: 400,
  INVALID_CRITERIA_FILE: 400,
  INVALID_DATE: 400,
  UNIT_NOT_IN_FORCE: 404,
  UNIT_NOT_FOUND: 404,
  SET_NOT_FOUND: 404,
  NOT_FOUND: 404,
  NO_SET_FOR_UNIT: 404,
  UNAUTHENTICATED: 401,
  BAD_CREDENTIALS: 401,
  FORBIDDEN: 403,
  CONFLICT: 409,
  FILE_TOO_LARGE: 413,
  IMPORT_BUSY: 503,
  SET_EXISTS: 409,
  USER_EXISTS: 409,
  UNIT_EXISTS: 409,
  CRITERIA_REFERENCE: 422,
  CRITERIA_CYCLE: 422,
  DB_NOT_FOUND: 503,
  DB_UNREACHABLE: 503,
};

export function statusFor(code: string): number {
  return STATUS[code] ?? 500;
}
