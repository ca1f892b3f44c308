/**
 * Read access to VariantColumns by allele index, for annotation to use without making an object per
 * allele; `variant(i)` materialises the `Variant` that readShard returns for the allele.
 */
import type { MemberCall } from './memberCall';
import { SourceFields, Variant, VariantKey, variantKey, Zygosity } from './types';
import { VariantColumns, ZYGOSITIES } from './variantColumns';

/** Alleles of up to this many bases are decoded once per view and shared. */
const SHORT_ALLELE = 4;

export class ColumnsView {
  readonly length: number;
  private readonly text: Buffer;
  private readonly shortAlleles = new Map<number, string>();

  constructor(readonly cols: VariantColumns) {
    this.length = cols.length;
    const a = cols.arena;
    this.text = Buffer.from(a.buffer, a.byteOffset, a.byteLength);
  }

  chrom(i: number): string {
    return this.cols.chroms[this.cols.contig[i]];
  }

  /** Index of the contig in `cols.chroms`: equal indices, equal contigs. */
  contigIndex(i: number): number {
    return this.cols.contig[i];
  }

  pos(i: number): number {
    return this.cols.pos[i];
  }

  ref(i: number): string {
    return this.allele(this.cols.refStart[i], this.cols.refLen[i]);
  }

  alt(i: number): string {
    return this.allele(this.cols.altStart[i], this.cols.altLen[i]);
  }

  refLength(i: number): number {
    return this.cols.refLen[i];
  }

  altLength(i: number): number {
    return this.cols.altLen[i];
  }

  id(i: number): string {
    const s = this.cols.idStart[i];
    const len = this.cols.idLen[i];
    return len === 1 && this.text[s] === 46 ? '.' : this.text.toString('utf8', s, s + len);
  }

  filter(i: number): string {
    return this.cols.filters[this.cols.filter[i]];
  }

  qual(i: number): number | null {
    const q = this.cols.qual[i];
    return Number.isNaN(q) ? null : q;
  }

  /** INFO/MQ of the allele's record, null when it has none or it was not read. */
  mappingQuality(i: number): number | null {
    const q = this.cols.mq[i];
    return Number.isNaN(q) ? null : q;
  }

  zygosity(i: number): Zygosity {
    return ZYGOSITIES[this.cols.zygosity[i]];
  }

  line(i: number): number | undefined {
    const l = this.cols.line[i];
    return l > 0 ? l : undefined;
  }

  /** The record's INFO text when the reader kept it. */
  info(i: number): string | undefined {
    if (!this.cols.info) return undefined;
    const s = this.cols.infoStart[i];
    return this.text.toString('utf8', s, s + this.cols.infoLen[i]);
  }

  /** The record's own INFO and call text and the allele's place among its ALTs, when the reader kept them. */
  source(i: number): SourceFields | undefined {
    const c = this.cols;
    if (!c.info) return undefined;
    const s = c.infoStart[i];
    const cs = c.callTextStart[i];
    const callLen = c.callTextLen[i];
    return { info: this.text.toString('utf8', s, s + c.infoLen[i]), call: callLen === 0 ? null : this.text.toString('utf8', cs, cs + callLen), altIndex: c.altIndex[i], altCount: c.altCount[i] };
  }

  /** `chrom:pos:ref:alt` (the key ClinVar and the store use). */
  key(i: number): VariantKey {
    return variantKey(this.chrom(i), this.pos(i), this.ref(i), this.alt(i));
  }

  /**
   * Index ranges [start, end) of runs of alleles on one contig with no gap between neighbours above
   * `gapBp` (what annotateShard's clusters() makes of a Variant[]), so sources can be read once per run.
   */
  *runs(gapBp: number): Generator<[number, number]> {
    const { contig, pos } = this.cols;
    let start = 0;
    for (let i = 1; i <= this.length; i++) {
      if (i === this.length || contig[i] !== contig[start] || pos[i] - pos[i - 1] > gapBp) {
        if (i > start) yield [start, i];
        start = i;
      }
    }
  }

  /** Whether the alleles carry calls (`member` 0 is the proband). */
  get hasCall(): boolean {
    return this.cols.members > 0;
  }

  gt(i: number, member = 0): string {
    return this.cols.gts[this.cols.gt[i * this.cols.members + member]];
  }

  copies(i: number, member = 0): number | null {
    const c = this.cols.copies[i * this.cols.members + member];
    return c < 0 ? null : c;
  }

  ploidy(i: number, member = 0): number {
    return this.cols.ploidy[i * this.cols.members + member];
  }

  dp(i: number, member = 0): number | null {
    const x = this.cols.dp[i * this.cols.members + member];
    return Number.isNaN(x) ? null : x;
  }

  gq(i: number, member = 0): number | null {
    const x = this.cols.gq[i * this.cols.members + member];
    return Number.isNaN(x) ? null : x;
  }

  /** Depth of REF and of this ALT, null without an AD pair. */
  ad(i: number, member = 0): [number, number] | null {
    const k = i * this.cols.members + member;
    const r = this.cols.adRef[k];
    return Number.isNaN(r) ? null : [r, this.cols.adAlt[k]];
  }

  memberCall(i: number, member = 0): MemberCall {
    return { gt: this.gt(i, member), copies: this.copies(i, member), ploidy: this.ploidy(i, member), dp: this.dp(i, member), gq: this.gq(i, member), ad: this.ad(i, member) };
  }

  /** The allele as the `Variant` readShard returns (same fields, same order). */
  variant(i: number): Variant {
    const v: Variant = { chrom: this.chrom(i), pos: this.pos(i), ref: this.ref(i), alt: this.alt(i), id: this.id(i), filter: this.filter(i), qual: this.qual(i), zygosity: this.zygosity(i), line: this.line(i) };
    if (this.cols.info) v.info = this.info(i);
    if (this.cols.family) {
      const family: MemberCall[] = [];
      for (let m = 0; m < this.cols.members; m++) family.push(this.memberCall(i, m));
      v.family = family;
    }
    if (this.cols.members > 0) v.call = this.memberCall(i, 0);
    return v;
  }

  variants(): Variant[] {
    const out = new Array<Variant>(this.length);
    for (let i = 0; i < this.length; i++) out[i] = this.variant(i);
    return out;
  }

  /** Upper-case ASCII allele text; short alleles come from a cache keyed by their bytes. */
  private allele(s: number, len: number): string {
    if (len > SHORT_ALLELE) return this.text.toString('latin1', s, s + len);
    let key = len;
    for (let k = s; k < s + len; k++) key = key * 128 + this.text[k];
    let a = this.shortAlleles.get(key);
    if (a === undefined) {
      a = this.text.toString('latin1', s, s + len);
      this.shortAlleles.set(key, a);
    }
    return a;
  }
}
