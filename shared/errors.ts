/** Errors a user can cause are part of the API contract: a code, parameters, and a sentence in the user's language. */

export const ERROR_CODES = [
  'INVALID_INPUT', 'FIELD_REQUIRED', 'FIELD_TOO_LONG', 'FIELD_INVALID',
  'BUDGET_INVALID', 'BUDGET_NEGATIVE', 'BUDGET_TOO_LARGE', 'YEAR_RANGE', 'YEAR_OUT_OF_PERIOD', 'PERIOD_RANGE', 'ELEMENT_MISMATCH',
  'NO_MASTERPLAN_OPEN', 'NOT_FOUND', 'OPD_HAS_PROGRAMS', 'PROFILE_REQUIRED',
  'FILE_NOT_FOUND', 'FOLDER_NOT_FOUND', 'FOLDER_READONLY', 'FILE_READONLY', 'FILE_EXISTS', 'NOT_SQLITE', 'NOT_REMBUK',
  'NEWER_VERSION', 'FILE_LOCKED', 'FILE_CORRUPT', 'DISK_FULL',
  'UNSUPPORTED', 'UNKNOWN_OPERATION', 'UNAUTHORIZED', 'INTERNAL',
  // sync
  'NOT_EXCHANGE', 'EXCHANGE_CORRUPT', 'EXCHANGE_TRUNCATED', 'EXCHANGE_CHECKSUM', 'EXCHANGE_NEWER', 'EXCHANGE_TOO_LARGE',
  'EXCHANGE_OTHER_MASTERPLAN', 'EXCHANGE_INCOMPLETE', 'EXCHANGE_EMPTY', 'IMPORT_NEEDS_CONFIRMATION', 'SYNC_FOLDER_UNAVAILABLE',
  // --- export (issue 3) ---
  'EXPORT_TARGET_LOCKED', 'EXPORT_FAILED', 'EXPORT_NOT_FOUND', 'EXPORT_BUSY',
  // duplicate finding and synergies (issue 5)
  'MERGE_NEEDS_TWO', 'MERGE_LEAD_NOT_INVOLVED', 'SYNERGY_SAME_PROGRAM', 'MERGE_NOT_FOUND',
  // backups
  'NO_BACKUP',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export type ErrorParams = Record<string, string | number>;

export interface ApiErrorPayload {
  code: ErrorCode;
  message: string;
  /** The input field the error is about, in API (camelCase) terms, when there is one. */
  field?: string;
  params?: ErrorParams;
}

export class AppError extends Error {
  constructor(readonly code: ErrorCode, readonly params: ErrorParams = {}, readonly field?: string) {
    super(code);
    this.name = 'AppError';
  }
}

export function isAppError(e: unknown): e is AppError {
  return e instanceof AppError;
}
