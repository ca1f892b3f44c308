import * as fs from 'node:fs';
import * as path from 'node:path';
import Ajv2020 from 'ajv/dist/2020';
import type { ValidateFunction } from 'ajv';
import { ROOT } from './cli';

export const SCHEMA_FILE = path.join(ROOT, 'docs', 'results.schema.json');

export type JsonSchema = { [key: string]: unknown };

export function loadResultsSchema(): JsonSchema {
  return JSON.parse(fs.readFileSync(SCHEMA_FILE, 'utf8')) as JsonSchema;
}

/** Strict Ajv (draft 2020-12): unknown keywords in the schema itself are errors. */
export function compileResultsSchema(): ValidateFunction {
  const ajv = new Ajv2020({ strict: true, allowUnionTypes: true, allErrors: true });
  return ajv.compile(loadResultsSchema());
}

/** Ajv's errors as `path: message` lines, for readable test failures. */
export function errorLines(validate: ValidateFunction): string[] {
  return (validate.errors ?? []).map((e) => `${e.instancePath || '/'}: ${e.message ?? ''}`);
}
