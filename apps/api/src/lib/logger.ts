/** Structured JSON logs, one line per event. Tokens, secrets and bodies are never logged. */
const LEVELS = { debug: 10, info: 20, warn: 30, error: 40, silent: 100 } as const;
export type LogLevel = keyof typeof LEVELS;
type Fields = Record<string, unknown>;

export interface Logger {
  debug(msg: string, fields?: Fields): void;
  info(msg: string, fields?: Fields): void;
  warn(msg: string, fields?: Fields): void;
  error(msg: string, fields?: Fields): void;
  child(fields: Fields): Logger;
}

export function createLogger(
  level: LogLevel = "info",
  base: Fields = {},
  write: (line: string) => void = (l) => process.stdout.write(`${l}\n`),
): Logger {
  const min = LEVELS[level];
  const log =
    (lvl: Exclude<LogLevel, "silent">) =>
    (msg: string, fields: Fields = {}) => {
      if (LEVELS[lvl] < min) return;
      write(JSON.stringify({ time: new Date().toISOString(), level: lvl, service: "api", msg, ...base, ...fields }));
    };
  return {
    debug: log("debug"),
    info: log("info"),
    warn: log("warn"),
    error: log("error"),
    child: (fields) => createLogger(level, { ...base, ...fields }, write),
  };
}

export function describeError(error: unknown): Fields {
  if (error instanceof Error) return { error: error.name, error_message: error.message, stack: error.stack };
  return { error: String(error) };
}
