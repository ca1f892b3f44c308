import * as fs from 'node:fs';
import * as path from 'node:path';
import { InputError } from '../errors';
import { NAME_PATTERN } from './load';
import type { CombineOp, SourceConfig, SourceFieldConfig, VartriageConfig } from './types';

const OPS: readonly CombineOp[] = ['first', 'max', 'min', 'concat'];

/** A plugin module named in the config or on the command line. */
export interface PluginRef {
  /** Absolute path, for import(). */
  file: string;
  /** As given (config-relative paths joined to the config's directory), for messages and results.json. */
  shownPath: string;
  options: Record<string, unknown>;
}

export interface LoadedConfig {
  plugins: PluginRef[];
  /** Sources with `file` resolved; `shownFile` as given. */
  sources: Array<SourceConfig & { shownFile: string }>;
  onPluginError?: 'fail' | 'skip';
}

/** A path in the config is relative to the config file's directory. */
function fromConfig(configFile: string, p: string): string {
  return path.isAbsolute(p) ? p : path.join(path.dirname(configFile), p);
}

/** Reads and checks `--config FILE` (JSON; see VartriageConfig). */
export function readConfig(file: string): LoadedConfig {
  if (/\.ya?ml$/i.test(file)) throw new InputError(file, 'YAML configs need the `yaml` npm package, which this build does not include; write the same keys as JSON (vartriage.json)');
  if (!fs.existsSync(file)) throw new InputError(file, 'config file does not exist');
  let raw: unknown;
  try {
    raw = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (e) {
    throw new InputError(file, `not valid JSON: ${(e as Error).message}`);
  }
  const bad = (problem: string): never => {
    throw new InputError(file, problem);
  };
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) bad('expected a JSON object with `plugins`, `sources` and/or `on_plugin_error`');
  const cfg = raw as Record<string, unknown>;
  for (const k of Object.keys(cfg)) if (!['plugins', 'sources', 'on_plugin_error', '$comment'].includes(k)) bad(`unknown key "${k}" (expected plugins, sources, on_plugin_error)`);
  const onPluginError = cfg.on_plugin_error;
  if (onPluginError !== undefined && onPluginError !== 'fail' && onPluginError !== 'skip') bad('`on_plugin_error` must be "fail" or "skip"');
  const plugins = asArray(cfg.plugins, 'plugins', bad).map((p, i): PluginRef => {
    const entry = typeof p === 'string' ? { path: p } : (p as VartriageConfig['plugins'] & object);
    if (typeof entry !== 'object' || entry === null || typeof (entry as { path?: unknown }).path !== 'string') return bad(`plugins[${i}] must be a path or {"path": ..., "options": {...}}`);
    const { path: p2, options } = entry as { path: string; options?: unknown };
    if (options !== undefined && (typeof options !== 'object' || options === null || Array.isArray(options))) bad(`plugins[${i}].options must be an object`);
    const shownPath = fromConfig(file, p2);
    return { file: path.resolve(shownPath), shownPath, options: (options as Record<string, unknown>) ?? {} };
  });
  const sources = asArray(cfg.sources, 'sources', bad).map((s, i) => checkSource(s, `sources[${i}]`, file, bad));
  return { plugins, sources, onPluginError: onPluginError as LoadedConfig['onPluginError'] };
}

function asArray(x: unknown, key: string, bad: (p: string) => never): unknown[] {
  if (x === undefined) return [];
  if (!Array.isArray(x)) bad(`\`${key}\` must be an array`);
  return x as unknown[];
}

function checkSource(s: unknown, at: string, configFile: string, bad: (p: string) => never): SourceConfig & { shownFile: string } {
  if (typeof s !== 'object' || s === null) return bad(`${at} must be an object with name, file and fields`);
  const src = s as Record<string, unknown>;
  for (const k of Object.keys(src)) if (!['name', 'file', 'format', 'match', 'version', 'fields', 'ref', 'alt', '$comment'].includes(k)) bad(`${at}: unknown key "${k}"`);
  if (typeof src.name !== 'string' || !NAME_PATTERN.test(src.name)) bad(`${at}.name must be letters, digits, _ - . starting with a letter`);
  if (typeof src.file !== 'string') bad(`${at}.file must be the path of a bgzipped, tabix-indexed VCF or TSV`);
  const file = src.file as string;
  const format = src.format ?? (/\.vcf\.b?gz$/i.test(file) ? 'vcf' : 'tsv');
  if (format !== 'vcf' && format !== 'tsv') bad(`${at}.format must be "vcf" or "tsv"`);
  const match = src.match ?? 'allele';
  if (match !== 'allele' && match !== 'overlap') bad(`${at}.match must be "allele" or "overlap"`);
  if (src.version !== undefined && typeof src.version !== 'string') bad(`${at}.version must be a string`);
  for (const k of ['ref', 'alt'] as const) if (src[k] !== undefined && typeof src[k] !== 'string') bad(`${at}.${k} must be a column name or number`);
  if (!Array.isArray(src.fields) || src.fields.length === 0) bad(`${at}.fields must be a non-empty array of {"field": ..., "as": ..., "op": ...}`);
  const fields = (src.fields as unknown[]).map((f, j): SourceFieldConfig => {
    const fat = `${at}.fields[${j}]`;
    const fo = (typeof f === 'string' ? { field: f } : f) as Record<string, unknown>;
    if (typeof fo !== 'object' || fo === null || typeof fo.field !== 'string' || fo.field === '') return bad(`${fat} must be a field name or {"field": ..., "as": ..., "op": ...}`);
    const op = (fo.op ?? 'first') as CombineOp;
    if (!OPS.includes(op)) bad(`${fat}.op must be one of ${OPS.join(', ')}`);
    const as = fo.as ?? `${src.name as string}_${fo.field}`;
    if (typeof as !== 'string' || !NAME_PATTERN.test(as)) bad(`${fat}.as must be letters, digits, _ - . starting with a letter`);
    const type = fo.type ?? (op === 'max' || op === 'min' ? 'number' : 'string');
    if (type !== 'number' && type !== 'string') bad(`${fat}.type must be "number" or "string"`);
    return { field: fo.field, as: as as string, op, type: type as 'number' | 'string' };
  });
  const shownFile = fromConfig(configFile, file);
  return {
    name: src.name as string,
    file: path.resolve(shownFile),
    shownFile,
    format: format as 'vcf' | 'tsv',
    match: match as 'allele' | 'overlap',
    version: (src.version as string | undefined) ?? 'unversioned',
    fields,
    ...(src.ref !== undefined ? { ref: src.ref as string } : {}),
    ...(src.alt !== undefined ? { alt: src.alt as string } : {}),
  };
}
