import { InputError, InputErrorData, toInputErrorData } from '../errors';
import type { ShardSpec } from '../shard/types';
import { ContigAliases } from '../variant/contigs';
import { variantKey } from '../variant/types';
import { openBundleAnnotators } from './bundleAnnotators';
import { FLANK_BP } from './consequence';
import { annotateGenes } from './geneConsequences';
import { joinGnomad } from './gnomadJoin';
import type { ReadOptions } from './readOptions';
import { readShardColumns } from './readShardColumns';
import { ColumnsView } from '../variant/columnsView';
import type { MemberCall } from '../variant/memberCall';
import { mostSevere } from './soTerms';
import { annotatedUnder, DEFAULT_TRANSCRIPT_SET, TranscriptSet } from './transcriptSet';
import type { AnnotatedVariant, ReadCounts } from './types';
import { emptyFilterCounts, failedFilter, FilterCounts, FilterOptions } from '../prioritise/filters';
import type { PluginShardResult } from '../plugins/counts';
import { PluginItem, PluginJob, ShardPlugins } from '../plugins/runner';
import type { XCallCounts } from '../prioritise/family';
import { SpillChunk, writeSpillChunks } from '../shard/variantSpill';
import { shortlistForRanking } from '../prioritise/shortlist';
import { countMq, emptyMqBins } from '../prioritise/mappingQuality';

export interface AnnotateJob {
  shard: ShardSpec;
  bundleDir: string;
  read: ReadOptions;
  filters: FilterOptions;
  /** Write every annotated variant to this spill directory (the store and shard files need them; src/run/variantSpill.ts); null for ranking-only runs. */
  spillDir: string | null;
  /** Configured sources and plugins (src/plugins), run on the variants that pass the hard filters; null for none. */
  plugins?: PluginJob | null;
  /** `--transcripts`: which transcripts are annotated (src/annotate/transcriptSet.ts); absent: the default. */
  transcripts?: TranscriptSet;
}

/**
 * What a shard sends back: of the variants that pass the hard filters, those ranking can use
 * (`passed` counts them all; a genome's millions of common variants never cross to the main
 * thread), the names of the spill chunks holding every annotated variant, and counts.
 */
export type ShardOutcome =
  | { ok: true; index: number; passing: AnnotatedVariant[]; passed: number; spill: SpillChunk[] | null; annotated: number; perFilter: FilterCounts; mqBins: number[]; counts: ReadCounts; warnings: string[]; plugins?: PluginShardResult; xCalls?: XCallCounts }
  | { ok: false; index: number; error: InputErrorData };

/** Reads one shard and annotates it against the bundle. Runs inside a worker; returns plain data. */
export async function annotateShard(job: AnnotateJob): Promise<ShardOutcome> {
  try {
    const bundle = await openBundleAnnotators(job.bundleDir);
    const aliases = new ContigAliases(bundle.manifest.contigs);
    // Columns straight from the bytes (src/variant/variantColumns.ts): one object per allele is made here, not two.
    const { columns, counts, warnings, xCalls } = readShardColumns(job.shard, job.read, aliases);
    const view = new ColumnsView(columns);
    const plugins = job.plugins ? await ShardPlugins.open(job.plugins, aliases) : null;
    const passing: AnnotatedVariant[] = [];
    const all: AnnotatedVariant[] | null = job.spillDir !== null ? [] : null;
    const perFilter = emptyFilterCounts();
    const mqBins = emptyMqBins();
    const set = job.transcripts ?? DEFAULT_TRANSCRIPT_SET;
    let annotated = 0;
    for (const [start, end] of view.runs(CLUSTER_GAP_BP)) {
      const group = alleles(view, start, end);
      const chrom = group[0].chrom;
      const first = group[0].pos;
      const last = group[group.length - 1].pos + 1000;
      if (bundle.gnomad) {
        const facts = joinGnomad(group, await bundle.gnomad.region(chrom, first, last));
        for (let i = 0; i < group.length; i++) group[i].gnomad = facts[i];
      }
      const transcripts = bundle.genes ? bundle.genes.transcriptsIn(chrom, first, last, FLANK_BP).filter((t) => annotatedUnder(t, set)) : [];
      const clinvar = bundle.clinvar ? bundle.clinvar.region(chrom, first, last) : null;
      let next = 0;
      let active: typeof transcripts = [];
      const forPlugins: PluginItem[] = [];
      for (let i = 0; i < group.length; i++) {
        const a = group[i];
        const vEnd = a.pos + a.ref.length;
        // Sweep: transcripts enter when their flank reaches the variant, leave when it has passed.
        while (next < transcripts.length && transcripts[next].start1 - FLANK_BP <= vEnd) active.push(transcripts[next++]);
        active = active.filter((t) => t.end1 + FLANK_BP >= a.pos);
        a.genes = annotateGenes(active, a.pos, a.ref, a.alt, set, bundle.sequence);
        a.consequence = mostSevere(a.genes.map((g) => g.consequence));
        const cv = clinvar?.get(variantKey(a.chrom, a.pos, a.ref, a.alt));
        if (cv) a.clinvar = { id: cv.id, significance: cv.significance, reviewStatus: cv.reviewStatus, stars: cv.stars, conditions: cv.conditions };
        annotated++;
        countMq(mqBins, a);
        all?.push(a);
        const failed = failedFilter(a, job.filters);
        if (failed) perFilter[failed]++;
        else if (plugins) forPlugins.push({ variant: a, info: view.info(start + i) ?? '' });
        else passing.push(a);
      }
      // Plugins: the window's passing variants, sources read once for the window (src/plugins/runner.ts).
      if (plugins && forPlugins.length > 0) for (const kept of await plugins.runWindow(forPlugins)) passing.push(kept);
    }
    // The records' own fields (a store's cold tier) go from the columns' bytes to the spill (spillEncode.ts SourceColumns).
    const spill = all && job.spillDir !== null ? writeSpillChunks(job.spillDir, job.shard.index, all, job.read.keepSource ? columns : null) : null;
    // Only what ranking can use crosses to the main thread; with --ped segregation needs them all (src/prioritise/shortlist.ts).
    const shortlist = job.read.family ? passing : shortlistForRanking(passing);
    return { ok: true, index: job.shard.index, passing: shortlist, passed: passing.length, spill, annotated, perFilter, mqBins, counts, warnings, ...(plugins ? { plugins: plugins.counts() } : {}), ...(xCalls ? { xCalls } : {}) };
  } catch (e) {
    if (e instanceof InputError) return { ok: false, index: job.shard.index, error: toInputErrorData(e) };
    throw e;
  }
}

/** Gap between variants beyond which the reference sources are read as separate windows. */
const CLUSTER_GAP_BP = 100_000;

/**
 * The alleles [start, end) of the columns as AnnotatedVariants still to be annotated, every field in
 * its final place (key order is the shard file's JSON order). Runs of alleles on one contig with no
 * gap above CLUSTER_GAP_BP (ColumnsView.runs) are annotated together: sources are read once per run,
 * so a dense genome shard is one window (one range read, merge-joined), a sparse exome many small
 * ones, and neither reads a whole contig of ClinVar, gnomAD or gene models for a few variants.
 */
function alleles(view: ColumnsView, start: number, end: number): AnnotatedVariant[] {
  const out: AnnotatedVariant[] = new Array(end - start);
  const family = view.cols.family;
  for (let i = start; i < end; i++) {
    const a: AnnotatedVariant = {
      chrom: view.chrom(i),
      pos: view.pos(i),
      ref: view.ref(i),
      alt: view.alt(i),
      id: view.id(i),
      filter: view.filter(i),
      qual: view.qual(i),
      zygosity: view.zygosity(i),
      line: view.line(i) ?? null,
      consequence: 'intergenic_variant',
      genes: [],
      gnomad: null,
      clinvar: null,
    };
    if (view.hasCall) a.call = view.memberCall(i, 0);
    const mq = view.mappingQuality(i);
    if (mq !== null) a.mappingQuality = mq;
    if (family) {
      const calls: MemberCall[] = [];
      for (let m = 0; m < view.cols.members; m++) calls.push(view.memberCall(i, m));
      a.family = calls;
    }
    out[i - start] = a;
  }
  return out;
}
