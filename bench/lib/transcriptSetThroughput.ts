import * as fs from 'node:fs';
import { FLANK_BP } from '../../src/annotate/consequence';
import { annotateGenes } from '../../src/annotate/geneConsequences';
import { TRANSCRIPT_SETS, TranscriptSet } from '../../src/annotate/transcriptSet';
import { GeneModels, TranscriptRecord } from '../../src/reference/genes';

export interface SetThroughput {
  variants: number;
  genes_annotated: number;
  /** Median of `runs` timed passes (the machine is shared: single passes are noisy). */
  seconds: number;
  variants_per_s: number;
}

/**
 * Per-variant gene consequences (annotateGenes, what a worker runs per variant) under each
 * `--transcripts` set, on the bundle's gene models (canonical flags and MANE as the bundle has them).
 * Transcript lookup is done before timing; no FASTA. Null when the bundle is absent.
 */
export function transcriptSetThroughput(alleles: Array<[string, number, string, string]>, genesSqlite: string, runs = 5): Record<TranscriptSet, SetThroughput> | null {
  if (!fs.existsSync(genesSqlite)) return null;
  const models = new GeneModels(genesSqlite);
  const chr = (c: string): string => (c.startsWith('chr') ? c : `chr${c}`);
  const near: TranscriptRecord[][] = alleles.map(([c, pos, ref]) => models.transcriptsIn(chr(c), pos, pos + ref.length, FLANK_BP));
  models.close();
  // One untimed pass per set first, so the first set timed does not pay for JIT compilation.
  for (const set of TRANSCRIPT_SETS) for (let i = 0; i < alleles.length; i++) annotateGenes(near[i], alleles[i][1], alleles[i][2], alleles[i][3], set, null);
  const out = {} as Record<TranscriptSet, SetThroughput>;
  for (const set of TRANSCRIPT_SETS) {
    const times: number[] = [];
    let genes = 0;
    for (let r = 0; r < runs; r++) {
      genes = 0;
      const t0 = process.hrtime.bigint();
      for (let i = 0; i < alleles.length; i++) genes += annotateGenes(near[i], alleles[i][1], alleles[i][2], alleles[i][3], set, null).length;
      times.push(Number(process.hrtime.bigint() - t0) / 1e9);
    }
    const seconds = times.sort((x, y) => x - y)[Math.floor(times.length / 2)];
    out[set] = { variants: alleles.length, genes_annotated: genes, seconds: Math.round(seconds * 1000) / 1000, variants_per_s: Math.round(alleles.length / seconds) };
  }
  return out;
}
