import * as fs from 'node:fs';
import { pathToFileURL } from 'node:url';
import { InputError } from '../errors';
import type { PluginKind, VartriagePlugin } from './types';

/**
 * `import()` kept as a real dynamic import: TypeScript compiles `import()` to `require()` under
 * CommonJS, which cannot load ES modules. Node's import() loads both ESM and CommonJS files.
 */
const dynamicImport = new Function('specifier', 'return import(specifier)') as (specifier: string) => Promise<Record<string, unknown>>;

const KINDS: readonly PluginKind[] = ['filter', 'score', 'source'];
const METHOD: Record<PluginKind, string> = { filter: 'filter', score: 'score', source: 'annotate' };
export const NAME_PATTERN = /^[A-Za-z][A-Za-z0-9_.-]*$/;

/** Loads a plugin module (ESM default export, CommonJS module.exports, or ESM named exports) and checks its shape. */
export async function loadPlugin(file: string, shownPath: string = file): Promise<VartriagePlugin> {
  if (!fs.existsSync(file)) throw new InputError(shownPath, 'plugin file does not exist');
  if (fs.statSync(file).isDirectory()) throw new InputError(shownPath, 'is a directory; --plugin takes a .js, .mjs or .cjs file');
  let ns: Record<string, unknown>;
  try {
    ns = await dynamicImport(pathToFileURL(file).href);
  } catch (e) {
    throw new InputError(shownPath, `cannot load plugin: ${(e as Error)?.message ?? String(e)}`);
  }
  // ESM default export or CommonJS module.exports arrive as `default`; ESM named exports as the namespace itself.
  const candidate = isObject(ns.default) && ('kind' in ns.default || !('kind' in ns)) ? ns.default : ns;
  return checkShape(candidate, shownPath);
}

function isObject(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null;
}

function checkShape(p: Record<string, unknown>, shownPath: string): VartriagePlugin {
  const bad = (problem: string): never => {
    throw new InputError(shownPath, `not a vartriage plugin: ${problem} (see README "Extending vartriage")`);
  };
  if (typeof p.name !== 'string' || !NAME_PATTERN.test(p.name)) bad('export `name` must be a string of letters, digits, _ - . starting with a letter');
  if (typeof p.version !== 'string' || p.version.length === 0) bad('export `version` must be a non-empty string');
  if (typeof p.kind !== 'string' || !KINDS.includes(p.kind as PluginKind)) bad(`export \`kind\` must be one of ${KINDS.join(', ')}`);
  const kind = p.kind as PluginKind;
  if (typeof p[METHOD[kind]] !== 'function') bad(`a ${kind} plugin must export a function \`${METHOD[kind]}\``);
  if (p.init !== undefined && typeof p.init !== 'function') bad('`init`, when given, must be a function');
  if (kind === 'source') {
    const fields = p.fields;
    if (!Array.isArray(fields) || fields.length === 0 || !fields.every((f) => typeof f === 'string' && NAME_PATTERN.test(f))) bad('a source plugin must export `fields`, a non-empty array of annotation names');
    if (p.beginRegion !== undefined && typeof p.beginRegion !== 'function') bad('`beginRegion`, when given, must be a function');
  }
  return p as unknown as VartriagePlugin;
}
