import { InputError } from '../../errors';
import { idsFromDbxref, partsToModel, TranscriptParts } from './featureGroups';
import { readLines } from './lines';
import type { TranscriptModel } from './transcriptModel';

interface Feature {
  type: string;
  chrom: string;
  start1: number;
  end1: number;
  strand: '+' | '-';
  attrs: Map<string, string[]>;
  lineNo: number;
}

/**
 * GFF3 (Sequence Ontology GFF3 spec 1.26) in the Ensembl and NCBI RefSeq flavours. A transcript is
 * any feature that exon or CDS features name as Parent; its gene is its own Parent. CDS in GFF3
 * includes the stop codon in both flavours.
 *  - Ensembl: ID=transcript:ENST...; transcript_id + version; gene Name = symbol; tag=Ensembl_canonical.
 *  - RefSeq: ID=rna-NM_...; transcript_id=NM_x.y; gene=symbol; Dbxref=GeneID:..,HGNC:HGNC:..; tag=MANE Select.
 */
export function* parseGff3(file: string): Generator<TranscriptModel> {
  const features = new Map<string, Feature>();
  const children = new Map<string, Array<{ type: string; start1: number; end1: number; protein?: string }>>();
  for (const { text, lineNo } of readLines(file)) {
    if (text.startsWith('##FASTA')) break;
    if (text.length === 0 || text.startsWith('#')) continue;
    const c = text.split('\t');
    if (c.length < 9) throw new InputError(file, `GFF3 line has ${c.length} columns, expected 9`, lineNo);
    const [chrom, , type, startText, endText, , strand, , attrText] = c;
    const start1 = Number(startText);
    const end1 = Number(endText);
    if (!Number.isInteger(start1) || !Number.isInteger(end1) || start1 < 1 || end1 < start1) throw new InputError(file, `start/end "${startText}"/"${endText}" are not 1-based positions with start <= end`, lineNo);
    const attrs = gff3Attributes(attrText);
    if (type === 'exon' || type === 'CDS') {
      if (strand !== '+' && strand !== '-') continue;
      for (const parent of attrs.get('Parent') ?? []) {
        const list = children.get(parent) ?? [];
        list.push({ type, start1, end1, protein: attrs.get('protein_id')?.[0] });
        children.set(parent, list);
      }
      continue;
    }
    const id = attrs.get('ID')?.[0];
    if (id && (strand === '+' || strand === '-')) features.set(id, { type, chrom, start1, end1, strand, attrs, lineNo });
  }
  for (const [id, parts] of children) {
    const t = features.get(id);
    // Exons hung directly on a top-level gene (RefSeq pseudogenes) describe no transcript.
    if (!t || (!t.attrs.has('Parent') && (t.type === 'gene' || t.type === 'pseudogene'))) continue;
    const gene = features.get(t.attrs.get('Parent')?.[0] ?? '');
    const one = (f: Feature | undefined, k: string): string | undefined => f?.attrs.get(k)?.[0];
    const tid = one(t, 'transcript_id') ?? one(t, 'Name') ?? id.replace(/^(transcript:|rna-)/, '');
    const version = one(t, 'version');
    const accession = version && !/\.\d+$/.test(tid) && /^ENS/.test(tid) ? `${tid}.${version}` : tid;
    const ids = idsFromDbxref([...(t.attrs.get('Dbxref') ?? []), ...(gene?.attrs.get('Dbxref') ?? [])]);
    const p: TranscriptParts = {
      accession,
      geneSymbol: one(t, 'gene') ?? one(gene, 'gene') ?? one(gene, 'Name') ?? '',
      chrom: t.chrom,
      strand: t.strand,
      start1: t.start1,
      end1: t.end1,
      exons: parts.filter((x) => x.type === 'exon').map((x) => [x.start1, x.end1] as [number, number]),
      coding: parts.filter((x) => x.type === 'CDS').map((x) => [x.start1, x.end1] as [number, number]),
      biotype: one(t, 'biotype') ?? one(t, 'transcript_biotype') ?? (t.type === 'mRNA' ? 'protein_coding' : one(gene, 'gene_biotype') ?? one(gene, 'biotype') ?? t.type),
      proteinAccession: parts.find((x) => x.protein)?.protein ?? null,
      tags: (t.attrs.get('tag') ?? []).flatMap((x) => x.split(',')),
      ...ids,
      lineNo: t.lineNo,
    };
    const m = partsToModel(p);
    if (m) yield m;
  }
}

/** `key=value;key=v1,v2` with %XX escapes (GFF3 spec: column 9). */
export function gff3Attributes(text: string): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const pair of text.split(';')) {
    if (!pair) continue;
    const eq = pair.indexOf('=');
    if (eq < 0) continue;
    out.set(pair.slice(0, eq).trim(), pair.slice(eq + 1).split(',').map((v) => decodeURIComponent(v)));
  }
  return out;
}
