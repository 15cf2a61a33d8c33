// Errors cross every adapter as plain JSON: { code, message, details }. The UI translates by code.
export const ERROR_CODES = [
  'VALIDATION', // input failed its schema; details lists { field, message }
  'NOT_FOUND', // the row named by the input does not exist
  'CONFLICT', // the input is valid but contradicts what is stored (e.g. a parent in another project)
  'UNKNOWN_METHOD',
  'FORBIDDEN', // adapter refused the caller (token, host, origin, frame)
  'DAMAGED', // the workspace file is damaged or missing: nothing is written; restore a backup
  'DISK_FULL', // the disk (or the backup folder's disk) has no room: nothing was written
  'READ_ONLY', // the workspace is open read-only (a damaged file, to export what can be read)
  'INTERNAL',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export interface FieldProblem {
  field: string;
  message: string;
}

export interface ApiErrorBody {
  code: ErrorCode;
  message: string;
  details?: unknown;
}

export class ApiError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'ApiError';
  }

  toJSON(): ApiErrorBody {
    return this.details === undefined
      ? { code: this.code, message: this.message }
      : { code: this.code, message: this.message, details: this.details };
  }

  static from(body: ApiErrorBody): ApiError {
    return new ApiError(body.code, body.message, body.details);
  }
}

/** The envelope every adapter answers with (HTTP body, IPC return value). */
export type Envelope<T> = { ok: true; result: T } | { ok: false; error: ApiErrorBody };
