import { appendFileSync, chmodSync, mkdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { redactSecrets } from './redact';

export type LogLevel = 'debug' | 'info' | 'warn' | 'error';

const rank: Record<LogLevel, number> = { debug: 0, info: 1, warn: 2, error: 3 };

/** Where main-process code reports what happened, above all failures nobody is waiting for. */
export interface Logger {
  debug(message: string): void;
  info(message: string): void;
  warn(message: string, error?: unknown): void;
  error(message: string, error?: unknown): void;
}

export interface LoggerOptions {
  /** SAMDESK_HOME: the log lives in its logs/ folder. Undefined = no file. */
  home?: string;
  /** Lowest level written to the file; default info. */
  level?: LogLevel;
  /** The CLI passes process.stderr: warnings and errors go there too, one line each. */
  stderr?: { write(text: string): unknown };
  stderrLevel?: LogLevel;
  /** Rotate when the file would pass this size; default 1 MiB. */
  maxBytes?: number;
  /** Rotated files kept (samdesk.1.log … samdesk.N.log); default 3. */
  keep?: number;
  now?: () => Date;
}

export const LOG_FILE = 'samdesk.log';

/**
 * A small synchronous logger (a line is on disk before the next statement runs, so a crash does
 * not eat the line that explains it). Every line, message and error alike, passes through
 * redactSecrets: a token that slips into an error message never reaches the disk or the terminal.
 * Files are 0600 in a 0700 folder.
 */
export function createLogger(options: LoggerOptions = {}): Logger {
  const { home, stderr } = options;
  const fileLevel = rank[options.level ?? 'info'];
  const stderrLevel = rank[options.stderrLevel ?? 'warn'];
  const maxBytes = options.maxBytes ?? 1024 * 1024;
  const keep = options.keep ?? 3;
  const now = options.now ?? (() => new Date());
  const folder = home ? join(home, 'logs') : undefined;
  let fileBroken = false;

  function write(level: LogLevel, message: string, error?: unknown): void {
    const text = redactSecrets(error === undefined ? message : `${message} ${describe(error)}`).replace(/\r?\n/g, '\n    ');
    if (stderr && rank[level] >= stderrLevel) stderr.write(`samdesk: ${level === 'error' ? '' : `${level}: `}${text}\n`);
    if (!folder || fileBroken || rank[level] < fileLevel) return;
    const line = `${now().toISOString()} ${level.toUpperCase().padEnd(5)} ${text}\n`;
    try {
      mkdirSync(folder, { recursive: true, mode: 0o700 });
      const file = join(folder, LOG_FILE);
      if (sizeOf(file) + Buffer.byteLength(line) > maxBytes) rotate(folder, keep);
      appendFileSync(file, line, { mode: 0o600 });
      chmodSync(file, 0o600);
    } catch {
      // A full or read-only disk must not take the app down with it; stop trying.
      fileBroken = true;
    }
  }

  return {
    debug: (message) => write('debug', message),
    info: (message) => write('info', message),
    warn: (message, error) => write('warn', message, error),
    error: (message, error) => write('error', message, error),
  };
}

/** For tests and callers that have nowhere to write. */
export const silentLogger: Logger = { debug() {}, info() {}, warn() {}, error() {} };

function describe(error: unknown): string {
  if (error instanceof Error) return `${error.name}: ${error.message}${error.stack ? `\n${stackFrames(error.stack)}` : ''}`;
  return String(error);
}

/** The "at …" lines only: the first line of a stack repeats the message. */
function stackFrames(stack: string): string {
  return stack
    .split('\n')
    .filter((line) => line.trimStart().startsWith('at '))
    .slice(0, 8)
    .join('\n');
}

function sizeOf(file: string): number {
  try {
    return statSync(file).size;
  } catch {
    return 0;
  }
}

function rotate(folder: string, keep: number): void {
  const name = (n: number) => join(folder, n === 0 ? LOG_FILE : LOG_FILE.replace(/\.log$/, `.${n}.log`));
  rmSync(name(keep), { force: true });
  for (let n = keep - 1; n >= 0; n--) {
    try {
      renameSync(name(n), name(n + 1));
    } catch {
      // that generation does not exist yet
    }
  }
}
