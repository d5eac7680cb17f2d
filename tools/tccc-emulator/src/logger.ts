/** The logging surface the emulator needs; pino's logger satisfies it. */
export interface Logger {
  info(o: object, msg?: string): void;
  warn(o: object, msg?: string): void;
}

export const silentLogger: Logger = { info: () => undefined, warn: () => undefined };
