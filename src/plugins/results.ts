import { emptyPluginResult, PluginCount, pluginCountsOut, PluginShardResult } from './counts';
import type { PluginSetup } from './setup';
import type { PluginRecord } from './types';

/** What a run with plugins adds to results.json: `plugins`, `counts.plugins`, `per_filter` entries and skip warnings. */
export interface PluginResultsFields {
  records: PluginRecord[];
  counts: Record<string, PluginCount>;
  /** `plugin:NAME` per filter plugin, in the order they ran (after the built-in filters). */
  perFilter: Record<string, number>;
  warnings: string[];
}

export function pluginResultsFields(setup: PluginSetup, merged: PluginShardResult | undefined): PluginResultsFields {
  const all = emptyPluginResult(setup.records.map((r) => r.name));
  if (merged) for (const [name, c] of Object.entries(merged.counts)) all.counts[name] = c;
  const counts = pluginCountsOut(all);
  const perFilter: Record<string, number> = {};
  for (const name of setup.filterNames) perFilter[`plugin:${name}`] = counts[name].dropped;
  const warnings: string[] = [];
  for (const r of setup.records) {
    const skipped = counts[r.name].skipped;
    if (skipped > 0) warnings.push(`plugin ${r.name}@${r.version}: skipped on ${skipped} variant(s) after errors (--on-plugin-error skip); first: ${merged?.firstSkip[r.name] ?? '?'}`);
  }
  return { records: setup.records, counts, perFilter, warnings };
}
