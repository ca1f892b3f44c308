/** Per-plugin counts of a shard, merged in shard order on the main thread (deterministic for 1 or N threads). */
export interface PluginCount {
  /** Variants a filter plugin removed (0 for other kinds). */
  dropped: number;
  /** Variants on which the plugin failed and was skipped (--on-plugin-error skip). */
  skipped: number;
  /** Removals by the reason the filter gave. */
  drop_reasons: Record<string, number>;
}

export interface PluginShardResult {
  counts: Record<string, PluginCount>;
  /** The first failure of each plugin that was skipped, as an error line would have said it. */
  firstSkip: Record<string, string>;
}

export function emptyPluginResult(names: string[]): PluginShardResult {
  const counts: Record<string, PluginCount> = {};
  for (const n of names) counts[n] = { dropped: 0, skipped: 0, drop_reasons: {} };
  return { counts, firstSkip: {} };
}

/** Adds `b` into `a`; the first skip kept is the one of the earlier shard. */
export function mergePluginResult(a: PluginShardResult, b: PluginShardResult): void {
  for (const [name, c] of Object.entries(b.counts)) {
    const t = (a.counts[name] ??= { dropped: 0, skipped: 0, drop_reasons: {} });
    t.dropped += c.dropped;
    t.skipped += c.skipped;
    for (const [r, n] of Object.entries(c.drop_reasons)) t.drop_reasons[r] = (t.drop_reasons[r] ?? 0) + n;
  }
  for (const [name, line] of Object.entries(b.firstSkip)) a.firstSkip[name] ??= line;
}

/** Counts as results.json writes them: reasons sorted, so the order never depends on the shards. */
export function pluginCountsOut(r: PluginShardResult): Record<string, PluginCount> {
  const out: Record<string, PluginCount> = {};
  for (const [name, c] of Object.entries(r.counts)) {
    const reasons: Record<string, number> = {};
    for (const k of Object.keys(c.drop_reasons).sort()) reasons[k] = c.drop_reasons[k];
    out[name] = { dropped: c.dropped, skipped: c.skipped, drop_reasons: reasons };
  }
  return out;
}
