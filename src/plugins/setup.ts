import * as path from 'node:path';
import { InputError } from '../errors';
import type { ContigAliases } from '../variant/contigs';
import { LoadedConfig, PluginRef, readConfig } from './config';
import { loadPlugin } from './load';
import type { PluginJob } from './runner';
import { TabixSource } from './tabixSource';
import type { PluginRecord, VartriagePlugin } from './types';

export interface PluginArgs {
  /** `--plugin PATH`, in the order given (after the config's plugins). */
  pluginPaths: string[];
  configFile?: string;
  /** `--on-plugin-error`; wins over the config's `on_plugin_error`; default fail. */
  onError?: 'fail' | 'skip';
}

/** The run's plugins and sources, checked on the main thread before any worker starts. */
export interface PluginSetup {
  job: PluginJob;
  records: PluginRecord[];
  /** Annotation names (sources in order, then source plugins' fields) and score plugin names: the appended output columns. */
  annotationNames: string[];
  scoreNames: string[];
  filterNames: string[];
}

/**
 * Loads every plugin once here (so a missing file or a wrong export is one clear error before the
 * workers start), opens every configured source (file, index and fields), and checks names are unique.
 * `reservedColumns` are the built-in TSV columns an annotation must not shadow. Null when there is nothing to run.
 */
export async function setupPlugins(args: PluginArgs, aliases: ContigAliases, reservedColumns: readonly string[]): Promise<PluginSetup | null> {
  const config: LoadedConfig = args.configFile ? readConfig(args.configFile) : { plugins: [], sources: [] };
  const fromCli: PluginRef[] = args.pluginPaths.map((p) => ({ file: path.resolve(p), shownPath: p, options: {} }));
  const refs = [...config.plugins, ...fromCli];
  if (refs.length === 0 && config.sources.length === 0) return null;
  const where = args.configFile ?? '--plugin';
  const names = new Map<string, string>();
  const claim = (name: string, by: string): void => {
    const prior = names.get(name);
    if (prior) throw new InputError(where, `name "${name}" is used by both ${prior} and ${by}; plugin, source and annotation names must be unique`);
    if (reservedColumns.includes(name)) throw new InputError(where, `name "${name}" (${by}) is a built-in column of candidates.tsv; choose another`);
    names.set(name, by);
  };
  const records: PluginRecord[] = [];
  const annotationNames: string[] = [];
  for (const s of config.sources) {
    claim(s.name, `source ${s.shownFile}`);
    for (const f of s.fields) {
      const as = f.as as string;
      if (as !== s.name) claim(as, `a field of source "${s.name}"`);
      annotationNames.push(as);
    }
    (await TabixSource.open(s, (n) => aliases.canonical(n))).close();
    records.push({ name: s.name, version: s.version ?? 'unversioned', kind: 'source', path: s.shownFile, match: s.match ?? 'allele' });
  }
  const plugins: VartriagePlugin[] = [];
  for (const ref of refs) {
    const p = await loadPlugin(ref.file, ref.shownPath);
    claim(p.name, ref.shownPath);
    if (p.kind === 'source') for (const f of p.fields) if (f !== p.name) claim(f, `a field of plugin "${p.name}"`);
    plugins.push(p);
    records.push({ name: p.name, version: p.version, kind: p.kind, path: ref.shownPath });
  }
  for (const p of plugins) if (p.kind === 'source') annotationNames.push(...p.fields);
  return {
    job: { plugins: refs, sources: config.sources, onError: args.onError ?? config.onPluginError ?? 'fail' },
    records,
    annotationNames,
    scoreNames: plugins.filter((p) => p.kind === 'score').map((p) => p.name),
    filterNames: plugins.filter((p) => p.kind === 'filter').map((p) => p.name),
  };
}
