// Tencent-style parameter checks: an unknown key is UnknownParameter, an absent one MissingParameter,
// a wrong type InvalidParameter.
import { TencentApiError } from '../tencent-error';

export type Params = Record<string, unknown>;

export function expectParams(body: unknown, allowed: readonly string[]): Params {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw new TencentApiError('InvalidParameter', 'The request body must be a JSON object.');
  }
  const unknown = Object.keys(body).find((key) => !allowed.includes(key));
  if (unknown !== undefined) {
    throw new TencentApiError('UnknownParameter', `The parameter \`${unknown}\` is not recognized.`);
  }
  return body as Params;
}

function required(params: Params, name: string): unknown {
  const value = params[name];
  if (value === undefined || value === null) {
    throw new TencentApiError('MissingParameter', `The request is missing a required parameter \`${name}\`.`);
  }
  return value;
}

export function requiredInteger(params: Params, name: string): number {
  const value = required(params, name);
  if (typeof value !== 'number' || !Number.isSafeInteger(value)) {
    throw new TencentApiError('InvalidParameter', `The parameter \`${name}\` must be an integer.`);
  }
  return value;
}

export function requiredString(params: Params, name: string): string {
  const value = required(params, name);
  if (typeof value !== 'string' || value === '') {
    throw new TencentApiError('InvalidParameter', `The parameter \`${name}\` must be a non-empty string.`);
  }
  return value;
}

export function optionalBoolean(params: Params, name: string): boolean | undefined {
  const value = params[name];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'boolean') {
    throw new TencentApiError('InvalidParameter', `The parameter \`${name}\` must be a boolean.`);
  }
  return value;
}
