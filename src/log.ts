/** Messages for people on stderr; `json` mode writes one JSON object per line for pipelines. */
export type LogFormat = 'text' | 'json';

export interface Logger {
  info(msg: string, fields?: Record<string, unknown>): void;
  warn(msg: string, fields?: Record<string, unknown>): void;
}

export function createLogger(opts: { quiet: boolean; format: LogFormat }, stream: NodeJS.WritableStream = process.stderr): Logger {
  const emit = (level: 'info' | 'warn', msg: string, fields?: Record<string, unknown>) => {
    if (opts.quiet && level === 'info') return;
    if (opts.format === 'json') stream.write(JSON.stringify({ level, msg, ...fields }) + '\n');
    else stream.write(`vartriage: ${level === 'warn' ? 'warning: ' : ''}${msg}\n`);
  };
  return { info: (m, f) => emit('info', m, f), warn: (m, f) => emit('warn', m, f) };
}

export const silentLogger: Logger = { info() {}, warn() {} };
