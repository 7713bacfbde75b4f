/**
 * Errors cross every boundary as values (DESIGN.md "One contract, two transports"):
 * a stable code a program can act on, and a Chinese message a clerk can act on. Never a stack.
 */
export const errorCodes = [
  'VALIDATION',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_FOUND',
  'CONFLICT',
  'INVALID_TRANSITION',
  'TOO_LARGE',
  'UNSUPPORTED_TYPE',
  'INTERNAL',
] as const;
export type ErrorCode = (typeof errorCodes)[number];

/** HTTP status per code, as ../shared/API.md lists them. */
export const httpStatusOf: Record<ErrorCode, number> = {
  VALIDATION: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  INVALID_TRANSITION: 409,
  TOO_LARGE: 413,
  UNSUPPORTED_TYPE: 415,
  INTERNAL: 500,
};

export interface ApiErrorValue {
  code: ErrorCode;
  message: string;
  /** Dotted field path → Chinese message, for forms to show beside the field. */
  fields?: Record<string, string>;
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: ApiErrorValue };

/** Thrown by domain code; dispatch turns it into an error value. */
export class DomainError extends Error {
  readonly code: ErrorCode;
  readonly fields?: Record<string, string>;
  constructor(code: ErrorCode, message: string, fields?: Record<string, string>) {
    super(message);
    this.name = 'DomainError';
    this.code = code;
    this.fields = fields;
  }
}

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
export const fail = (code: ErrorCode, message: string, fields?: Record<string, string>): Result<never> => ({
  ok: false,
  error: fields ? { code, message, fields } : { code, message },
});
