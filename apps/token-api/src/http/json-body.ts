// Reads an optional, small JSON object body. Everything unusual is refused before any schema
// sees it: a body without `application/json` (415), more than 4 KB, invalid JSON, nesting deeper
// than a flat request could need, and keys that target prototypes (`__proto__`, `constructor`,
// `prototype`) even though JSON.parse makes them plain own properties.
import coBody from 'co-body';
import type { Context } from 'koa';
import { AppError } from '../errors';

export const BODY_LIMIT_BYTES = 4096;
export const MAX_BODY_DEPTH = 4;
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

function badRequest(code: string, message: string): AppError {
  return new AppError(400, code, message);
}

function hasBody(ctx: Context): boolean {
  const { headers } = ctx.req;
  if (headers['transfer-encoding'] !== undefined) return true;
  const length = headers['content-length'];
  return length !== undefined && length !== '0';
}

function checkContentType(ctx: Context): void {
  if (ctx.request.is('application/json') === false || !ctx.request.type) {
    throw new AppError(415, 'unsupported_media_type', 'Send the body as application/json.');
  }
  const charset = ctx.request.charset;
  if (charset && charset.toLowerCase() !== 'utf-8' && charset.toLowerCase() !== 'utf8') {
    throw new AppError(415, 'unsupported_media_type', 'Send the body as UTF-8 JSON.');
  }
}

async function readText(ctx: Context): Promise<string> {
  try {
    return (await coBody.text(ctx.req, { limit: BODY_LIMIT_BYTES, encoding: 'utf8' })) as string;
  } catch (error) {
    const type = (error as { type?: unknown }).type;
    if (type === 'entity.too.large') throw badRequest('body_too_large', `The body must be at most ${BODY_LIMIT_BYTES} bytes.`);
    if (type === 'encoding.unsupported') {
      throw new AppError(415, 'unsupported_media_type', 'Unsupported Content-Encoding.');
    }
    throw badRequest('invalid_body', 'The request body could not be read.');
  }
}

/** Walks the parsed value without recursion, so depth is checked before it can matter. */
function checkShape(value: unknown): void {
  const pending: { value: unknown; depth: number }[] = [{ value, depth: 1 }];
  while (pending.length > 0) {
    const { value: current, depth } = pending.pop()!;
    if (typeof current !== 'object' || current === null) continue;
    if (depth > MAX_BODY_DEPTH) throw badRequest('body_too_deep', `The body is nested deeper than ${MAX_BODY_DEPTH} levels.`);
    for (const key of Object.keys(current)) {
      if (FORBIDDEN_KEYS.has(key)) throw badRequest('forbidden_key', `The key "${key}" is not allowed.`);
      pending.push({ value: (current as Record<string, unknown>)[key], depth: depth + 1 });
    }
  }
}

/** The parsed body, or undefined when the request has none. */
export async function readJsonBody(ctx: Context): Promise<unknown> {
  if (!hasBody(ctx)) return undefined;
  checkContentType(ctx);
  const text = await readText(ctx);
  if (text.trim() === '') return undefined;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw badRequest('invalid_json', 'The body is not valid JSON.');
  }
  checkShape(value);
  return value;
}
