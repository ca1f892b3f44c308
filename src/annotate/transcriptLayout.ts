import type { TranscriptRecord } from '../reference/genes';

/**
 * Transcript coordinates for one transcript model: where each genomic base falls in the spliced
 * transcript (n. numbering, 1 = first transcript base) and, for coding transcripts, where c.1
 * (the A of the initiation codon) and the last base of the stop codon lie. Built once per
 * transcript and cached, since workers map many variants onto the same few transcripts.
 */
export interface TranscriptLayout {
  plus: boolean;
  /** Exons in transcript order (5' to 3'): genomic low/high ends and n. of the exon's first base. */
  exLow: Int32Array;
  exHigh: Int32Array;
  exFirstN: Int32Array;
  txLength: number;
  /** n. position of c.1 and of c.(last base of the stop codon); null when non-coding. */
  cdsStartN: number | null;
  cdsEndN: number | null;
}

/** A transcript position: `n` on the spliced transcript, `offset` into an intron (HGVS c.88+1, c.89-2). */
export interface TxPos {
  n: number;
  offset: number;
}

const layouts = new WeakMap<TranscriptRecord, TranscriptLayout>();

export function layoutOf(tx: TranscriptRecord): TranscriptLayout {
  let l = layouts.get(tx);
  if (!l) layouts.set(tx, (l = buildLayout(tx)));
  return l;
}

function buildLayout(tx: TranscriptRecord): TranscriptLayout {
  const plus = tx.strand === '+';
  const n = tx.exons.length;
  const exLow = new Int32Array(n);
  const exHigh = new Int32Array(n);
  const exFirstN = new Int32Array(n);
  let acc = 1;
  for (let i = 0; i < n; i++) {
    const [s, e] = tx.exons[plus ? i : n - 1 - i];
    exLow[i] = s;
    exHigh[i] = e;
    exFirstN[i] = acc;
    acc += e - s + 1;
  }
  const layout: TranscriptLayout = { plus, exLow, exHigh, exFirstN, txLength: acc - 1, cdsStartN: null, cdsEndN: null };
  if (tx.cdsStart1 !== null && tx.cdsEnd1 !== null && tx.cdsEnd1 >= tx.cdsStart1) {
    const a = genomicToTx(layout, plus ? tx.cdsStart1 : tx.cdsEnd1);
    const b = genomicToTx(layout, plus ? tx.cdsEnd1 : tx.cdsStart1);
    if (a.offset === 0 && b.offset === 0) {
      layout.cdsStartN = a.n;
      layout.cdsEndN = b.n;
    }
  }
  return layout;
}

/**
 * Maps a genomic base to the transcript. Intronic bases take the nearest exon base and a signed
 * offset; the middle base of an odd-length intron counts from the 5' exon (HGVS: "c.88+1 ...
 * in the middle of the intron, the + is used"). Bases beyond the transcript ends continue the
 * numbering (n <= 0 upstream, n > txLength downstream), as HGVS c.-N / c.*N flank positions.
 */
export function genomicToTx(l: TranscriptLayout, pos1: number): TxPos {
  const count = l.exLow.length;
  const plus = l.plus;
  const i = exonAtOrBefore(l, pos1);
  if (i >= 0) {
    const lo = l.exLow[i];
    const hi = l.exHigh[i];
    if (pos1 >= lo && pos1 <= hi) return { n: l.exFirstN[i] + (plus ? pos1 - lo : hi - pos1), offset: 0 };
    // Otherwise the base is in the intron that follows exon i (in transcript order), if any.
    if (i + 1 < count) {
      const d5 = plus ? pos1 - hi : lo - pos1;
      const d3 = plus ? l.exLow[i + 1] - pos1 : pos1 - l.exHigh[i + 1];
      const lastN = l.exFirstN[i] + (hi - lo);
      return d5 <= d3 ? { n: lastN, offset: d5 } : { n: l.exFirstN[i + 1], offset: -d3 };
    }
  }
  const txLow = plus ? l.exLow[0] : l.exLow[count - 1];
  const txHigh = plus ? l.exHigh[count - 1] : l.exHigh[0];
  const upstream = plus ? pos1 < txLow : pos1 > txHigh;
  if (upstream) return { n: 1 - (plus ? txLow - pos1 : pos1 - txHigh), offset: 0 };
  return { n: l.txLength + (plus ? pos1 - txHigh : txLow - pos1), offset: 0 };
}

/**
 * The last exon, in transcript order, whose 5' end is at or before `pos1` in transcript orientation
 * (binary search: a genome annotates millions of bases against transcripts of up to 363 exons);
 * -1 when `pos1` lies 5' of the transcript.
 */
function exonAtOrBefore(l: TranscriptLayout, pos1: number): number {
  let lo = -1;
  let hi = l.exLow.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (l.plus ? l.exLow[mid] <= pos1 : l.exHigh[mid] >= pos1) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/**
 * HGVS position text: c. numbering relative to the CDS (c.-14 in the 5' UTR, c.*5 in the 3' UTR)
 * for coding transcripts, n. numbering otherwise; intronic offsets appended (c.123+1, c.124-2).
 */
export function formatTxPos(l: TranscriptLayout, p: TxPos): string {
  let base: string;
  if (l.cdsStartN !== null && l.cdsEndN !== null) {
    if (p.n < l.cdsStartN) base = `-${l.cdsStartN - p.n}`;
    else if (p.n > l.cdsEndN) base = `*${p.n - l.cdsEndN}`;
    else base = `${p.n - l.cdsStartN + 1}`;
  } else if (p.n <= 0) base = `-${1 - p.n}`;
  else if (p.n > l.txLength) base = `*${p.n - l.txLength}`;
  else base = `${p.n}`;
  return p.offset === 0 ? base : p.offset > 0 ? `${base}+${p.offset}` : `${base}${p.offset}`;
}

export function isCoding(l: TranscriptLayout): boolean {
  return l.cdsStartN !== null;
}
