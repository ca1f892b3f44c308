import type { AnnotatedVariant } from '../annotate/types';
import { InputError } from '../errors';
import type { ContigAliases } from '../variant/contigs';
import { Checked, checkAnnotations, checkDecision, checkScore } from './check';
import type { PluginRef } from './config';
import { emptyPluginResult, PluginShardResult } from './counts';
import { loadPlugin } from './load';
import { joinSource } from './sourceJoin';
import { TabixSource } from './tabixSource';
import type { FilterPlugin, PluginFacts, PluginVariant, ScorePlugin, SourceConfig, SourcePlugin, VartriagePlugin } from './types';
import { pluginVariant, variantLabel } from './view';

/** What a worker needs to run the plugins: plain data, sent with every shard job. */
export interface PluginJob {
  plugins: PluginRef[];
  sources: Array<SourceConfig & { shownFile: string }>;
  onError: 'fail' | 'skip';
}

/** A variant that passed the built-in filters, with the INFO text of its VCF record. */
export interface PluginItem {
  variant: AnnotatedVariant;
  info: string;
}

// Loaded once per worker thread: modules (and their init) and open sources are reused by every shard.
const loadedPlugins = new Map<string, Promise<VartriagePlugin>>();
const openSources = new Map<string, Promise<TabixSource>>();

function pluginOnce(ref: PluginRef): Promise<VartriagePlugin> {
  let p = loadedPlugins.get(ref.file);
  if (!p) {
    p = (async () => {
      const plugin = await loadPlugin(ref.file, ref.shownPath);
      if (plugin.init) {
        try {
          await plugin.init(ref.options);
        } catch (e) {
          throw new InputError(`plugin ${plugin.name}@${plugin.version}`, `init failed: ${(e as Error)?.message ?? String(e)}`);
        }
      }
      return plugin;
    })();
    loadedPlugins.set(ref.file, p);
  }
  return p;
}

function sourceOnce(config: PluginJob['sources'][number], aliases: ContigAliases): Promise<TabixSource> {
  const key = JSON.stringify(config);
  let s = openSources.get(key);
  if (!s) openSources.set(key, (s = TabixSource.open(config, (n) => aliases.canonical(n))));
  return s;
}

/** Runs one shard's configured sources and plugins, window by window, in the worker. */
export class ShardPlugins {
  private readonly result: PluginShardResult;
  private readonly annotationNames: string[];

  private constructor(
    private readonly job: PluginJob,
    private readonly sources: TabixSource[],
    private readonly plugins: VartriagePlugin[],
  ) {
    this.result = emptyPluginResult([...job.sources.map((s) => s.name), ...plugins.map((p) => p.name)]);
    this.annotationNames = [...job.sources.flatMap((s) => s.fields.map((f) => f.as as string)), ...plugins.flatMap((p) => (p.kind === 'source' ? [...p.fields] : []))];
  }

  static async open(job: PluginJob, aliases: ContigAliases): Promise<ShardPlugins> {
    const sources = await Promise.all(job.sources.map((s) => sourceOnce(s, aliases)));
    const plugins: VartriagePlugin[] = [];
    for (const ref of job.plugins) plugins.push(await pluginOnce(ref));
    return new ShardPlugins(job, sources, plugins);
  }

  counts(): PluginShardResult {
    return this.result;
  }

  /**
   * One window of nearby variants on one contig, sorted by position: configured sources (each read
   * once for the window and merge-joined), then source plugins, score plugins and filter plugins, in
   * the order given. Returns the variants no filter plugin dropped.
   */
  async runWindow(items: PluginItem[]): Promise<AnnotatedVariant[]> {
    const facts = items.map((it): PluginFacts => {
      const f: PluginFacts = { annotations: {}, scores: {}, deleteriousness: null };
      for (const n of this.annotationNames) f.annotations[n] = null;
      for (const p of this.plugins) if (p.kind === 'score') f.scores[p.name] = null;
      it.variant.plugins = f;
      return f;
    });
    const chrom = items[0].variant.chrom;
    const start1 = items[0].variant.pos;
    const end1 = Math.max(...items.map((it) => it.variant.pos + Math.max(1, it.variant.ref.length) - 1));
    for (const src of this.sources) {
      const joined = joinSource(items.map((it) => it.variant), await src.region(chrom, start1, end1), src.config);
      joined.forEach((values, i) => values && Object.assign(facts[i].annotations, values));
    }
    const views = items.map((it, i) => pluginVariant(it.variant, it.info, facts[i]));
    for (const p of this.plugins) if (p.kind === 'source') await this.runSource(p, items, views, facts, { chrom, start1, end1 });
    for (const p of this.plugins) if (p.kind === 'score') await this.runScore(p, views, facts);
    const dropped = new Array<boolean>(items.length).fill(false);
    for (const p of this.plugins) if (p.kind === 'filter') await this.runFilter(p, views, dropped);
    return items.filter((_, i) => !dropped[i]).map((it) => it.variant);
  }

  private async runSource(p: SourcePlugin, items: PluginItem[], views: PluginVariant[], facts: PluginFacts[], region: { chrom: string; start1: number; end1: number }): Promise<void> {
    if (p.beginRegion) {
      try {
        await p.beginRegion(region);
      } catch (e) {
        // Without its window the source has nothing for any of these variants.
        const problem = `beginRegion failed: ${(e as Error)?.message ?? String(e)}`;
        if (this.job.onError === 'fail') throw new InputError(`plugin ${p.name}@${p.version} on ${region.chrom}:${region.start1}-${region.end1}`, problem);
        for (const v of views) this.skip(p, v, problem);
        return;
      }
    }
    for (let i = 0; i < items.length; i++) {
      const r = await this.call(p, views[i], () => p.annotate(views[i]), (x) => checkAnnotations(x, p.fields));
      if (r) Object.assign(facts[i].annotations, r);
    }
  }

  private async runScore(p: ScorePlugin, views: PluginVariant[], facts: PluginFacts[]): Promise<void> {
    for (let i = 0; i < views.length; i++) {
      const r = await this.call(p, views[i], () => p.score(views[i]), checkScore);
      if (!r) continue;
      const f = facts[i];
      f.scores[p.name] = r.value;
      // Several predictors: the highest deleteriousness wins; ties go to the plugin listed first.
      if (r.deleteriousness !== null && (f.deleteriousness === null || r.deleteriousness > f.deleteriousness.value)) f.deleteriousness = { value: r.deleteriousness, by: `${p.name}@${p.version}` };
    }
  }

  private async runFilter(p: FilterPlugin, views: PluginVariant[], dropped: boolean[]): Promise<void> {
    const count = this.result.counts[p.name];
    for (let i = 0; i < views.length; i++) {
      if (dropped[i]) continue;
      const d = await this.call(p, views[i], () => p.filter(views[i]), checkDecision);
      if (d && !d.keep) {
        dropped[i] = true;
        count.dropped++;
        count.drop_reasons[d.reason] = (count.drop_reasons[d.reason] ?? 0) + 1;
      }
    }
  }

  /** Calls a plugin on one variant; a throw or a malformed value fails the run, or is counted and skipped. */
  private async call<T>(p: VartriagePlugin, v: PluginVariant, fn: () => unknown, check: (x: unknown) => Checked<T>): Promise<T | null> {
    let problem: string;
    try {
      const c = check(await fn());
      if (c.ok) return c.value;
      problem = c.problem;
    } catch (e) {
      problem = `threw ${(e as Error)?.message ?? String(e)}`;
    }
    if (this.job.onError === 'fail') throw new InputError(`plugin ${p.name}@${p.version} on ${variantLabel(v)}`, `${problem} (--on-plugin-error skip skips such variants)`);
    this.skip(p, v, problem);
    return null;
  }

  private skip(p: VartriagePlugin, v: PluginVariant, problem: string): void {
    this.result.counts[p.name].skipped++;
    this.result.firstSkip[p.name] ??= `plugin ${p.name}@${p.version} on ${variantLabel(v)}: ${problem}`;
  }
}
