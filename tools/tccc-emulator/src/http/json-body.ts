import type { Context } from 'koa';
import type { z } from 'zod';
import { prettifyError } from 'zod';
import { HttpError } from './http-error';
import { BodyTooLargeError, readRawBody } from './raw-body';

const JSON_LIMIT_BYTES = 16 * 1024;

/** Reads a small JSON body and validates it; 400/413 with a readable message otherwise. */
export async function readJsonBody<T extends z.ZodType>(ctx: Context, schema: T): Promise<z.infer<T>> {
  let raw: Buffer;
  try {
    raw = await readRawBody(ctx.req, JSON_LIMIT_BYTES);
  } catch (error) {
    if (error instanceof BodyTooLargeError) throw new HttpError(413, 'body_too_large', error.message);
    throw error;
  }
  let parsed: unknown;
  try {
    parsed = raw.length === 0 ? {} : JSON.parse(raw.toString('utf8'));
  } catch {
    throw new HttpError(400, 'invalid_json', 'The request body is not valid JSON');
  }
  const result = schema.safeParse(parsed);
  if (!result.success) throw new HttpError(400, 'invalid_request', prettifyError(result.error));
  return result.data;
}
