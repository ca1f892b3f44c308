import * as path from 'node:path';
import { ContigAliases } from '../variant/contigs';
import type { Candidate } from '../prioritise/types';
import type { ColdReader } from './cold';
import { HotReader } from './hot';
import { canonicalLookup } from './lookup';
import { readStoreManifest, StoreManifest } from './storeManifest';
import type { Lookup, StoreHit, StoredVariant, TierName } from './types';
import { WarmReader } from './warm';

export interface StoreAnswer {
  lookup: Lookup;
  /** `warm+hot`: every variant from the warm tier, with ranking detail joined from the hot tier. */
  tier: TierName | 'warm+hot';
  hits: StoreHit[];
}

export interface OpenStoreOptions {
  /** Decoded warm blocks kept in memory (LRU). */
  cacheBlocks?: number;
}

/**
 * A store opened for lookups from a long-lived process (a server, a notebook): SQLite handles and
 * prepared statements are made once, recently decoded warm blocks are cached.
 *
 * `lookup` answers from the warm tier (all variants) and joins hot-tier ranking detail;
 * `lookupTier` answers from one tier alone: hot holds only reportable variants, cold is the VCF.
 */
export class StoreReader {
  readonly manifest: StoreManifest;
  private readonly aliases: ContigAliases;
  private readonly hot: HotReader;
  private readonly warm: WarmReader;
  private cold: ColdReader | null = null;

  private constructor(readonly dir: string, opts: OpenStoreOptions) {
    this.manifest = readStoreManifest(dir);
    this.aliases = new ContigAliases(this.manifest.contigs);
    this.hot = new HotReader(path.join(dir, this.manifest.files.hot));
    this.warm = new WarmReader(path.join(dir, this.manifest.files.warm), path.join(dir, this.manifest.files.warm_blobs), opts.cacheBlocks ?? 32);
  }

  static open(dir: string, opts: OpenStoreOptions = {}): StoreReader {
    return new StoreReader(dir, opts);
  }

  /** The lookup with its contig renamed to the store's name; throws InputError for an unknown contig. */
  resolve(lookup: Lookup): Lookup {
    return canonicalLookup(lookup, this.aliases, `--${lookup.kind}`);
  }

  lookup(query: Lookup): StoreAnswer {
    const l = this.resolve(query);
    const hits: StoreHit[] = this.fromSync(this.warm, l);
    for (const h of hits) {
      if (h.candidateRank === null) continue;
      const detail = this.hot.details(h.row);
      if (detail) h.candidates = detail;
    }
    return { lookup: l, tier: 'warm+hot', hits };
  }

  /** One of the two SQLite tiers alone, synchronously. */
  lookupSync(query: Lookup, tier: 'hot' | 'warm'): StoreAnswer {
    const l = this.resolve(query);
    return { lookup: l, tier, hits: this.fromSync(tier === 'hot' ? this.hot : this.warm, l) };
  }

  async lookupTier(query: Lookup, tier: TierName): Promise<StoreAnswer> {
    if (tier !== 'cold') return this.lookupSync(query, tier);
    const l = this.resolve(query);
    return { lookup: l, tier, hits: await this.fromCold(l) };
  }

  candidates(): Candidate[] {
    return this.hot.candidates();
  }

  private fromSync(t: HotReader | WarmReader, l: Lookup): StoredVariant[] {
    switch (l.kind) {
      case 'locus':
        return t.overlapping(l.chrom, l.pos1, l.pos1);
      case 'region':
        return t.overlapping(l.chrom, l.start1, l.end1);
      case 'gene':
        return t.gene(l.symbol);
      case 'rsid':
        return t.rsid(l.rsid);
      case 'clinvar':
        return t.clinvar(l.id);
    }
  }

  private async fromCold(l: Lookup): Promise<StoredVariant[]> {
    // Loaded on first use: the cold reader's imports (VCF line parsing) cost start-up time that
    // hot and warm lookups, the CLI's default, do not need.
    if (!this.cold) {
      const { ColdReader: Cold } = await import('./cold');
      this.cold = new Cold(path.join(this.dir, this.manifest.files.cold));
    }
    switch (l.kind) {
      case 'locus':
        return this.cold.overlapping(l.chrom, l.pos1, l.pos1);
      case 'region':
        return this.cold.overlapping(l.chrom, l.start1, l.end1);
      case 'gene':
        return this.cold.scan((v) => v.genes.some((g) => g.gene === l.symbol));
      case 'rsid':
        return this.cold.scan((v) => v.id.split(';').includes(l.rsid));
      case 'clinvar':
        return this.cold.scan((v) => v.clinvar?.id === l.id);
    }
  }

  close(): void {
    this.hot.close();
    this.warm.close();
  }
}
