import { InputError } from '../errors';
import { readLines } from './parse/lines';
import type { TranscriptModel } from './parse/transcriptModel';

/**
 * UCSC chain-file liftover (genome.ucsc.edu/goldenPath/help/chain.html) of intervals. A chain header
 * `chain score tName tSize tStrand tStart tEnd qName qSize qStrand qStart qEnd id` is followed by
 * `size dt dq` lines: ungapped blocks of `size` bases, then gaps of dt (target) and dq (query).
 * For liftOver files the target (t) is the source assembly and the query (q) the destination.
 */
interface Block {
  tStart0: number;
  tEnd0: number;
  qStart0: number;
  chain: number;
}
interface ChainInfo {
  qName: string;
  qSize: number;
  qStrand: '+' | '-';
}

export class ChainLiftover {
  private readonly blocks = new Map<string, Block[]>();
  private readonly chains: ChainInfo[] = [];

  constructor(readonly file: string) {
    let current: { tName: string; t: number; q: number; chain: number } | null = null;
    for (const { text, lineNo } of readLines(file)) {
      if (text.length === 0 || text.startsWith('#')) continue;
      if (text.startsWith('chain')) {
        const f = text.split(/\s+/);
        if (f.length < 12) throw new InputError(file, 'chain header has fewer than 12 fields', lineNo);
        if (f[4] !== '+') throw new InputError(file, `tStrand "${f[4]}" must be + (UCSC chain format)`, lineNo);
        this.chains.push({ qName: f[7], qSize: Number(f[8]), qStrand: f[9] === '-' ? '-' : '+' });
        current = { tName: f[2], t: Number(f[5]), q: Number(f[10]), chain: this.chains.length - 1 };
        continue;
      }
      if (!current) throw new InputError(file, 'alignment data before any chain header', lineNo);
      const [size, dt, dq] = text.split(/\s+/).map(Number);
      if (!Number.isInteger(size)) throw new InputError(file, `"${text.slice(0, 30)}" is not a chain data line`, lineNo);
      let list = this.blocks.get(current.tName);
      if (!list) this.blocks.set(current.tName, (list = []));
      list.push({ tStart0: current.t, tEnd0: current.t + size, qStart0: current.q, chain: current.chain });
      current.t += size + (dt || 0);
      current.q += size + (dq || 0);
    }
    // Chains come best-scoring first; a stable sort by start keeps that preference among overlaps.
    for (const list of this.blocks.values()) list.sort((a, b) => a.tStart0 - b.tStart0);
  }

  private blocksAt(chrom: string, pos0: number): Block[] {
    const list = this.blocks.get(chrom);
    if (!list) return [];
    let lo = 0;
    let hi = list.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (list[mid].tStart0 <= pos0) lo = mid + 1;
      else hi = mid;
    }
    const out: Block[] = [];
    // Blocks of different chains may overlap; look back over the few that can still contain pos0.
    for (let i = lo - 1; i >= 0 && i >= lo - 64; i--) if (list[i].tEnd0 > pos0) out.push(list[i]);
    return out.sort((a, b) => a.chain - b.chain);
  }

  /** A 0-based position mapped through one chain, or null. */
  private mapPos(chrom: string, pos0: number, chain?: number): { pos0: number; chain: number } | null {
    for (const b of this.blocksAt(chrom, pos0)) {
      if (chain !== undefined && b.chain !== chain) continue;
      return { pos0: b.qStart0 + (pos0 - b.tStart0), chain: b.chain };
    }
    return null;
  }

  /**
   * Lifts a 1-based closed interval whose two ends map through the same chain without changing its
   * length (no indel between the assemblies inside it); null otherwise.
   */
  liftInterval(chrom: string, start1: number, end1: number): { chrom: string; start1: number; end1: number; strand: '+' | '-' } | null {
    const a = this.mapPos(chrom, start1 - 1);
    if (!a) return null;
    const b = this.mapPos(chrom, end1 - 1, a.chain);
    if (!b || b.pos0 - a.pos0 !== end1 - start1) return null;
    const c = this.chains[a.chain];
    if (c.qStrand === '+') return { chrom: c.qName, start1: a.pos0 + 1, end1: b.pos0 + 1, strand: '+' };
    return { chrom: c.qName, start1: c.qSize - b.pos0, end1: c.qSize - a.pos0, strand: '-' };
  }
}

export interface LiftCounts {
  lifted: number;
  /** Transcripts with an exon or CDS end that does not map, maps to another contig/strand, or changes length. */
  unmapped: number;
}

/**
 * Lifts whole transcript models exon by exon. A transcript is kept only when every exon maps with
 * its length unchanged, all to one contig and strand orientation, in the same order: a model whose
 * exons or CDS would change length would give wrong codons, so it is dropped rather than bent.
 */
export function* liftTranscripts(models: Iterable<TranscriptModel>, lift: ChainLiftover, counts: LiftCounts): Generator<TranscriptModel> {
  for (const m of models) {
    const exons = m.exons.map(([s, e]) => lift.liftInterval(m.chrom, s, e));
    const first = exons[0];
    const ok = first !== null && exons.every((x) => x !== null && x.chrom === first.chrom && x.strand === first.strand);
    if (!ok) {
      counts.unmapped++;
      continue;
    }
    const mapped = exons as Array<NonNullable<(typeof exons)[number]>>;
    const flip = first.strand === '-';
    const liftPos = (p1: number): number | null => {
      const x = lift.liftInterval(m.chrom, p1, p1);
      return x && x.chrom === first.chrom ? x.start1 : null;
    };
    let cdsStart1: number | null = null;
    let cdsEnd1: number | null = null;
    if (m.cdsStart1 !== null && m.cdsEnd1 !== null) {
      const s = liftPos(m.cdsStart1);
      const e = liftPos(m.cdsEnd1);
      if (s === null || e === null || Math.abs(e - s) !== m.cdsEnd1 - m.cdsStart1) {
        counts.unmapped++;
        continue;
      }
      [cdsStart1, cdsEnd1] = flip ? [e, s] : [s, e];
    }
    const newExons = mapped.map((x) => [x.start1, x.end1] as [number, number]).sort((a, b) => a[0] - b[0]);
    if (newExons.some((x, i) => i > 0 && x[0] <= newExons[i - 1][1])) {
      counts.unmapped++;
      continue;
    }
    counts.lifted++;
    yield {
      ...m,
      chrom: first.chrom,
      strand: flip ? (m.strand === '+' ? '-' : '+') : m.strand,
      start1: newExons[0][0],
      end1: newExons[newExons.length - 1][1],
      cdsStart1,
      cdsEnd1,
      exons: newExons,
    };
  }
}
