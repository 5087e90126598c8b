/**
 * A domain error with a stable code. The Vietnamese message is for people; `details` carries the
 * English explanation and the offending path for logs and API clients.
 */
export class DomainError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'DomainError';
  }
}
