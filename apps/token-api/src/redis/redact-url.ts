/** Redis URLs and error messages may carry a password: never log it. */
export function redactRedisUrl(text: string): string {
  return text.replace(/(rediss?:\/\/)[^@\s/]*@/gi, '$1<redacted>@');
}
