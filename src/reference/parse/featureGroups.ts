import type { Strand } from '../genes';
import type { TranscriptModel } from './transcriptModel';

/** Features of one transcript gathered from a GTF or GFF3 file, 1-based closed. */
export interface TranscriptParts {
  accession: string;
  geneSymbol: string;
  chrom: string;
  strand: Strand;
  start1?: number;
  end1?: number;
  exons: Array<[number, number]>;
  /** CDS pieces, plus stop_codon pieces where the format keeps the stop outside CDS (GTF). */
  coding: Array<[number, number]>;
  biotype: string;
  proteinAccession: string | null;
  tags: string[];
  ncbiGeneId: string;
  hgncId: string;
  lineNo: number;
}

/**
 * Turns gathered parts into a model: exons sorted and merged where they touch; a transcript with
 * CDS but no exon lines (some GFF3 flavours) takes its CDS pieces as exons; CDS bounds are the
 * outermost coding bases.
 */
export function partsToModel(p: TranscriptParts): TranscriptModel | null {
  let exons = [...p.exons].sort((a, b) => a[0] - b[0]);
  if (exons.length === 0) exons = [...p.coding].sort((a, b) => a[0] - b[0]);
  if (exons.length === 0) return null;
  const merged: Array<[number, number]> = [];
  for (const e of exons) {
    const last = merged[merged.length - 1];
    if (last && e[0] <= last[1] + 1) last[1] = Math.max(last[1], e[1]);
    else merged.push([e[0], e[1]]);
  }
  const coding = p.coding.length > 0;
  const tags = new Set(p.tags);
  return {
    accession: p.accession,
    geneSymbol: p.geneSymbol,
    chrom: p.chrom,
    start1: Math.min(p.start1 ?? Infinity, merged[0][0]),
    end1: Math.max(p.end1 ?? 0, merged[merged.length - 1][1]),
    strand: p.strand,
    cdsStart1: coding ? Math.min(...p.coding.map((c) => c[0])) : null,
    cdsEnd1: coding ? Math.max(...p.coding.map((c) => c[1])) : null,
    exons: merged,
    biotype: p.biotype || (coding ? 'protein_coding' : ''),
    proteinAccession: p.proteinAccession,
    maneStatus: tags.has('MANE_Select') || tags.has('MANE Select') ? 'MANE Select' : tags.has('MANE_Plus_Clinical') || tags.has('MANE Plus Clinical') ? 'MANE Plus Clinical' : null,
    sourceCanonical: tags.has('Ensembl_canonical'),
    ncbiGeneId: p.ncbiGeneId,
    hgncId: p.hgncId,
    lineNo: p.lineNo,
  };
}

/** "GeneID:672,HGNC:HGNC:1100,MIM:113705" → NCBIGene / HGNC ids (RefSeq Dbxref / GTF db_xref). */
export function idsFromDbxref(values: string[]): { ncbiGeneId: string; hgncId: string } {
  let ncbiGeneId = '';
  let hgncId = '';
  for (const v of values.flatMap((x) => x.split(','))) {
    if (v.startsWith('GeneID:')) ncbiGeneId = `NCBIGene:${v.slice(7)}`;
    else if (v.startsWith('HGNC:')) hgncId = v.replace(/^HGNC:(HGNC:)?/, 'HGNC:');
  }
  return { ncbiGeneId, hgncId };
}
