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
  'CANCELLED', // the caller cancelled the call (job.cancel) before it wrote anything
  'UNAVAILABLE', // the team's PostgreSQL server cannot be reached (or refused the login): nothing was saved
  'INTERNAL',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export interface FieldProblem {
  field: string;
  message: string;
}

/**
 * What a message says, for the UI to say it in its language: a key of the renderer's `serverErrors`
 * strings and its parameters. `message` stays the English text (logs, tests, callers without a UI).
 */
export interface ErrorText {
  key: string;
  params?: Record<string, string | number>;
}

export interface ApiErrorBody {
  code: ErrorCode;
  message: string;
  details?: unknown;
  /** Present when the message has a translation (see ErrorText). */
  text?: ErrorText;
}

export class ApiError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: unknown,
    readonly text?: ErrorText,
  ) {
    super(message);
    this.name = 'ApiError';
  }

  toJSON(): ApiErrorBody {
    return {
      code: this.code,
      message: this.message,
      ...(this.details === undefined ? {} : { details: this.details }),
      ...(this.text === undefined ? {} : { text: this.text }),
    };
  }

  static from(body: ApiErrorBody): ApiError {
    return new ApiError(body.code, body.message, body.details, body.text);
  }
}

/** An error whose message the UI translates: `serverErrors.<key>` with `params`. */
export function textError(code: ErrorCode, key: string, params: Record<string, string | number>, message: string, details?: unknown): ApiError {
  return new ApiError(code, message, details, { key, params });
}

/** The envelope every adapter answers with (HTTP body, IPC return value). */
export type Envelope<T> = { ok: true; result: T } | { ok: false; error: ApiErrorBody };
