import type { TranscriptRecord } from '../reference/genes';
import type { TranscriptSequenceCache } from './codingSequence';
import { pickTranscript, transcriptConsequence, TranscriptConsequence } from './consequence';
import { mostSevere, severityRank } from './soTerms';
import { toAlleleChange } from './alleleChange';
import { hgvsC } from './hgvsC';
import { annotatedUnder, TranscriptSet } from './transcriptSet';
import type { GeneConsequence, TranscriptCall } from './types';

const byAccession = (x: TranscriptConsequence, y: TranscriptConsequence): number => (x.transcript < y.transcript ? -1 : x.transcript > y.transcript ? 1 : 0);

/** MANE Select first, then canonical, then most severe, then accession: the order `all` lists transcripts in. */
function listOrder(x: TranscriptConsequence, y: TranscriptConsequence): number {
  return Number(y.maneSelect) - Number(x.maneSelect) || Number(y.canonical) - Number(x.canonical) || severityRank(x.consequence) - severityRank(y.consequence) || byAccession(x, y);
}

function toCall(c: TranscriptConsequence): TranscriptCall {
  return { transcript: c.transcript, consequence: c.consequence, terms: c.terms, location: c.location, maneSelect: c.maneSelect, canonical: c.canonical, hgvsC: c.hgvsC, hgvsP: c.hgvsP };
}

function groupByGene(list: TranscriptConsequence[]): Map<string, TranscriptConsequence[]> {
  const byGene = new Map<string, TranscriptConsequence[]>();
  for (const c of list) {
    let l = byGene.get(c.gene);
    if (!l) byGene.set(c.gene, (l = []));
    l.push(c);
  }
  return byGene;
}

/**
 * One entry per gene, genes in name order for deterministic output. The entry's consequence is what
 * ranking reads (src/prioritise): under `all` the most severe over the gene's transcripts, carried by
 * the first transcript in list order that has it; under `canonical` and `mane` the one picked
 * transcript's (`list` holds only MANE Select transcripts under `mane`, see transcriptSet.ts).
 */
export function geneConsequences(list: TranscriptConsequence[], set: TranscriptSet): GeneConsequence[] {
  const byGene = groupByGene(list);
  const out: GeneConsequence[] = [];
  for (const gene of [...byGene.keys()].sort()) {
    const txs = byGene.get(gene) as TranscriptConsequence[];
    if (set === 'all') {
      const listed = [...txs].sort(listOrder);
      const worst = mostSevere(txs.map((c) => c.consequence));
      const best = listed.find((c) => c.consequence === worst) as TranscriptConsequence;
      out.push({ ...entry(gene, best), transcripts: listed.map(toCall) });
    } else out.push(entry(gene, pickTranscript(txs) as TranscriptConsequence));
  }
  return out;
}

/**
 * The per-gene consequences of one allele (trimmed, VCF-style) on the transcripts near it, under `set`.
 * Under `canonical` and `mane` only the picked transcript of each gene is described in HGVS c.: the
 * others are dropped, and describing them was a third of a genome's annotation time.
 */
export function annotateGenes(near: TranscriptRecord[], pos: number, ref: string, alt: string, set: TranscriptSet, sequence: TranscriptSequenceCache | null): GeneConsequence[] {
  const perTx: TranscriptConsequence[] = [];
  const records = new Map<TranscriptConsequence, TranscriptRecord>();
  const lazy = set !== 'all';
  for (const t of near) {
    if (!annotatedUnder(t, set)) continue;
    const c = transcriptConsequence(t, pos, ref, alt, sequence, !lazy);
    if (c === null) continue;
    perTx.push(c);
    records.set(c, t);
  }
  if (lazy && perTx.length > 0) {
    // The transcript geneConsequences will pick for each gene (the same deterministic pick).
    const change = toAlleleChange(pos, ref, alt);
    for (const txs of groupByGene(perTx).values()) {
      const picked = pickTranscript(txs) as TranscriptConsequence;
      picked.hgvsC = hgvsC(records.get(picked) as TranscriptRecord, change, sequence);
    }
  }
  return geneConsequences(perTx, set);
}

function entry(gene: string, c: TranscriptConsequence): GeneConsequence {
  return { gene, transcript: c.transcript, consequence: c.consequence, terms: c.terms, location: c.location, maneSelect: c.maneSelect, hgvsC: c.hgvsC, hgvsP: c.hgvsP };
}
