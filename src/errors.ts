/**
 * Errors a user can act on. Each renders as one line: `file:line: problem`.
 * Anything else that escapes is a bug and is reported as an internal error.
 */
export class InputError extends Error {
  constructor(
    readonly file: string,
    readonly problem: string,
    readonly line?: number,
  ) {
    super(line === undefined ? `${file}: ${oneLine(problem)}` : `${file}:${line}: ${oneLine(problem)}`);
    this.name = 'InputError';
  }
}

/** Messages quoted from libraries or input can hold line breaks; the error must stay one line. */
function oneLine(text: string): string {
  return text.replace(/\s*[\r\n]+\s*/g, ' ');
}

/** Plain-data form of an InputError, for crossing the worker boundary (DESIGN.md §3: no class instances). */
export interface InputErrorData {
  file: string;
  problem: string;
  line?: number;
}

export function toInputErrorData(e: InputError): InputErrorData {
  return e.line === undefined ? { file: e.file, problem: e.problem } : { file: e.file, problem: e.problem, line: e.line };
}

export function fromInputErrorData(d: InputErrorData): InputError {
  return new InputError(d.file, d.problem, d.line);
}
