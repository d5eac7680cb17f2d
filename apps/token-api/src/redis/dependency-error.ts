import { AppError } from '../errors';

/** Shared state (Redis) is unreachable: fail fast and let the client retry shortly. */
export function dependencyUnavailable(cause: unknown): AppError {
  return new AppError(503, 'dependency_unavailable', 'The login service is briefly unavailable; retry in a few seconds.', {
    expose: true,
    headers: { 'Retry-After': '2' },
    cause,
  });
}
