/**
 * Every stable error code, with what kind of failure it is (the server turns the kind into an HTTP status in one
 * place, `src/server/errors.ts`). Add a code here, with its kind, before throwing it.
 */
export const ERROR_CODES = {
  /** Input that breaks a rule of its field (the message names the field, row or file). */
  VALIDATION: 'invalid',
  INVALID_BODY: 'invalid',
  INVALID_TEXT: 'invalid',
  INVALID_VALUE: 'invalid',
  INVALID_DATE: 'invalid',
  INVALID_CRITERIA_FILE: 'invalid',
  UNKNOWN_INDICATOR: 'invalid',
  GROUP_REQUIRED: 'invalid',
  YEAR_OUT_OF_PERIOD: 'invalid',
  BAD_REQUEST: 'invalid',
  UNAUTHENTICATED: 'unauthenticated',
  BAD_CREDENTIALS: 'unauthenticated',
  FORBIDDEN: 'forbidden',
  CROSS_SITE: 'forbidden',
  NOT_FOUND: 'not-found',
  UNIT_NOT_FOUND: 'not-found',
  UNIT_NOT_IN_FORCE: 'not-found',
  SET_NOT_FOUND: 'not-found',
  NO_SET_FOR_UNIT: 'not-found',
  CONFLICT: 'conflict',
  SET_EXISTS: 'conflict',
  /** Shipped versions follow the data files: they cannot be withdrawn. */
  SET_BUILTIN: 'conflict',
  SET_WITHDRAWN: 'conflict',
  /** Plans: a number another plan already has; a plan id that does not exist. */
  PLAN_EXISTS: 'conflict',
  PLAN_NOT_FOUND: 'not-found',
  USER_EXISTS: 'conflict',
  UNIT_EXISTS: 'conflict',
  CRITERIA_REFERENCE: 'unprocessable',
  CRITERIA_CYCLE: 'unprocessable',
  PAYLOAD_TOO_LARGE: 'too-large',
  FILE_TOO_LARGE: 'too-large',
  TOO_MANY_ATTEMPTS: 'too-many',
  DB_BUSY: 'unavailable',
  IMPORT_BUSY: 'unavailable',
  DB_NOT_FOUND: 'unavailable',
  DB_UNREACHABLE: 'unavailable',
  /** A server answered the CLI with an error whose code this version does not know. */
  HTTP: 'internal',
  ACCESS_UNCHECKED: 'internal',
  INTERNAL: 'internal',

  // Assessments.
  /** The assessment is not in a state where values can change (submitted, reviewed or approved). */
  LOCKED: 'conflict',
  /** The workflow does not allow this action from the assessment's state. */
  INVALID_TRANSITION: 'conflict',
  /** Return and reopen need a reason. */
  REASON_REQUIRED: 'invalid',
  FAMILY_NOT_FOUND: 'not-found',
  /** The set family does not apply to this unit or year. */
  FAMILY_NOT_FOR_UNIT: 'invalid',

  // Evidence files.
  /** An uploaded evidence file with no bytes. */
  EVIDENCE_EMPTY: 'invalid',
  /** An evidence file whose extension or content is not an accepted kind. */
  EVIDENCE_TYPE: 'invalid',
  /** An evidence file whose content is another accepted kind than its extension says (a .pdf that is a PNG). */
  EVIDENCE_TYPE_MISMATCH: 'invalid',
  EVIDENCE_NOT_FOUND: 'not-found',
  /** The file is already attached to this value or criterion. */
  EVIDENCE_ATTACHED: 'conflict',
  /** The stored chunks of a file do not add up to its size or hash (it is not served). */
  EVIDENCE_CORRUPT: 'internal',

  // Excel round trip.
  /** An uploaded assessment workbook with problems (details.problems: sheet, row, column, message); nothing stored. */
  WORKBOOK_INVALID: 'invalid',

  // DHIS2 interchange.
  /** A row of a replaced DHIS2 mapping is wrong (bad identifier, unknown code or unit, used twice). */
  DHIS2_MAPPING_INVALID: 'invalid',
  /** A DHIS2 identifier (organisation unit, data set) that the mapping does not know. */
  DHIS2_UNKNOWN_UID: 'not-found',
  /** A DHIS2 period that is not a year (yyyy). */
  DHIS2_PERIOD: 'invalid',

  // Recognition register.
  RECOGNITION_NOT_FOUND: 'not-found',
  /** A dossier for this unit, tier and year exists already. */
  RECOGNITION_EXISTS: 'conflict',
  /** The unit (a ward, a hamlet) or the tier is not one the register recognises. */
  TIER_NOT_FOR_UNIT: 'invalid',
  /** The step is not part of this unit's procedure (the district appraisal after 1/7/2025). */
  STEP_NOT_IN_PROCEDURE: 'invalid',
  /** A step it depends on has not been recorded yet. */
  STEP_OUT_OF_ORDER: 'conflict',
  STEP_ALREADY_RECORDED: 'conflict',
  /** The step's date is in the future, before the step it follows, or outside the unit's existence. */
  STEP_DATE: 'invalid',

  // Status boards and deadlines.
} as const satisfies Record<string, ErrorKind>;

export type ErrorKind =
  'invalid' | 'unauthenticated' | 'forbidden' | 'not-found' | 'conflict' | 'unprocessable' | 'too-large' | 'too-many' | 'unavailable' | 'internal';
export type ErrorCode = keyof typeof ERROR_CODES;

export function isErrorCode(code: unknown): code is ErrorCode {
  return typeof code === 'string' && Object.hasOwn(ERROR_CODES, code);
}

/**
 * A domain error with a stable code. The Vietnamese message is for people; `details` carries the
 * English explanation and the offending path for logs and API clients.
 */
export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'DomainError';
  }
}
