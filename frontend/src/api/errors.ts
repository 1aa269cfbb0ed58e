/** The one error type every API call rejects with. */

/** Machine codes the client itself assigns when the server gave none. */
export const NETWORK_ERROR = "network_error";
export const SERVER_ERROR = "server_error";

export class ApiError extends Error {
  /** HTTP status, or 0 when the request never got an answer. */
  readonly status: number;
  /** Stable machine code (`empty_file`, `not_authenticated`, ...), or a client code above. */
  readonly code: string;
  /** The server's translated explanation, when it sent one. */
  readonly detail: string | null;
  /** DRF field errors, `{field: [message]}`; empty for other errors. */
  readonly fieldErrors: Record<string, string[]>;

  constructor(
    status: number,
    code: string,
    message: string,
    detail: string | null = null,
    fieldErrors: Record<string, string[]> = {},
  ) {
    super(message);
    this.name = "ApiError";
    this.status = status;
    this.code = code;
    this.detail = detail;
    this.fieldErrors = fieldErrors;
  }

  /** True when the server answered and explained the problem in words a user can read. */
  get hasServerMessage(): boolean {
    return this.detail !== null || Object.keys(this.fieldErrors).length > 0;
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function asMessages(value: unknown): string[] {
  if (typeof value === "string") return [value];
  if (Array.isArray(value)) return value.filter((m): m is string => typeof m === "string");
  return [];
}

/**
 * Turn a failed response (status + parsed JSON body, or null when the body was not JSON)
 * into an ApiError whose message can be shown to the user as it is.
 */
export function toApiError(status: number, body: unknown): ApiError {
  if (isRecord(body) && typeof body.detail === "string") {
    const code = typeof body.code === "string" ? body.code : `http_${status}`;
    return new ApiError(status, code, body.detail, body.detail);
  }
  if (isRecord(body)) {
    const fieldErrors: Record<string, string[]> = {};
    for (const [field, value] of Object.entries(body)) {
      const messages = asMessages(value);
      if (messages.length > 0) fieldErrors[field] = messages;
    }
    if (Object.keys(fieldErrors).length > 0) {
      return new ApiError(status, "invalid", formatFieldErrors(fieldErrors), null, fieldErrors);
    }
  }
  const code = status >= 500 ? SERVER_ERROR : `http_${status}`;
  return new ApiError(status, code, `The server answered with HTTP ${status}.`);
}

/** One line per field: `name: message` (DRF's `non_field_errors` without a prefix). */
export function formatFieldErrors(fieldErrors: Record<string, string[]>): string {
  return Object.entries(fieldErrors)
    .map(([field, messages]) =>
      field === "non_field_errors" || field === "detail"
        ? messages.join(" ")
        : `${field}: ${messages.join(" ")}`,
    )
    .join("\n");
}

/** The error for a request that got no answer at all (offline, server down, aborted). */
export function networkError(): ApiError {
  return new ApiError(0, NETWORK_ERROR, "The server could not be reached.");
}
