/** Fields a log line may carry: flat, and never headers, bodies or secrets. */
export type LogFields = Record<string, string | number | boolean | null | undefined>;

/** The logger a host injects. Every method is optional to call and cheap when quiet. */
export interface Logger {
  debug(message: string, fields?: LogFields): void;
  info(message: string, fields?: LogFields): void;
  warn(message: string, fields?: LogFields): void;
  error(message: string, fields?: LogFields): void;
}

const ignore = (): void => undefined;

/** The default: says nothing. Hosts pass their own to hear from the connector. */
export const quietLogger: Logger = { debug: ignore, info: ignore, warn: ignore, error: ignore };
