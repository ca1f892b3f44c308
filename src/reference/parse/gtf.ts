import { InputError } from '../../errors';
import { idsFromDbxref, partsToModel, TranscriptParts } from './featureGroups';
import { readLines } from './lines';
import type { TranscriptModel } from './transcriptModel';

/**
 * GTF 2.2 (Ensembl/GENCODE and NCBI RefSeq flavours): 9 tab-separated columns, 1-based closed, with
 * `key "value";` attributes. Features are grouped by transcript_id. GTF CDS excludes the stop codon
 * (GTF 2.2 spec), so stop_codon features are added to the coding span to match genePred/GFF3.
 */
export function* parseGtf(file: string): Generator<TranscriptModel> {
  const byId = new Map<string, TranscriptParts>();
  for (const { text, lineNo } of readLines(file)) {
    if (text.length === 0 || text.startsWith('#')) continue;
    const c = text.split('\t');
    if (c.length < 9) throw new InputError(file, `GTF line has ${c.length} columns, expected 9`, lineNo);
    const [chrom, , feature, startText, endText, , strand, , attrText] = c;
    if (feature !== 'transcript' && feature !== 'exon' && feature !== 'CDS' && feature !== 'stop_codon') continue;
    const start1 = Number(startText);
    const end1 = Number(endText);
    if (!Number.isInteger(start1) || !Number.isInteger(end1) || start1 < 1 || end1 < start1) throw new InputError(file, `start/end "${startText}"/"${endText}" are not 1-based positions with start <= end`, lineNo);
    if (strand !== '+' && strand !== '-') throw new InputError(file, `strand "${strand}" is not + or -`, lineNo);
    const attrs = gtfAttributes(attrText);
    const tid = attrs.get('transcript_id')?.[0];
    if (!tid) continue;
    const version = attrs.get('transcript_version')?.[0];
    const accession = version && !/\.\d+$/.test(tid) ? `${tid}.${version}` : tid;
    let p = byId.get(accession);
    if (!p) {
      p = {
        accession,
        geneSymbol: attrs.get('gene_name')?.[0] ?? attrs.get('gene')?.[0] ?? attrs.get('gene_id')?.[0] ?? '',
        chrom,
        strand,
        exons: [],
        coding: [],
        biotype: attrs.get('transcript_biotype')?.[0] ?? attrs.get('transcript_type')?.[0] ?? attrs.get('gene_biotype')?.[0] ?? '',
        proteinAccession: null,
        tags: [],
        ...idsFromDbxref(attrs.get('db_xref') ?? []),
        lineNo,
      };
      byId.set(accession, p);
    }
    if (p.chrom !== chrom) throw new InputError(file, `transcript ${accession} has features on ${p.chrom} and ${chrom}`, lineNo);
    if (feature === 'transcript') {
      p.start1 = start1;
      p.end1 = end1;
      p.tags.push(...(attrs.get('tag') ?? []));
    } else if (feature === 'exon') p.exons.push([start1, end1]);
    else {
      p.coding.push([start1, end1]);
      const protein = attrs.get('protein_id')?.[0];
      const pv = attrs.get('protein_version')?.[0];
      if (protein) p.proteinAccession = pv && !/\.\d+$/.test(protein) ? `${protein}.${pv}` : protein;
    }
  }
  for (const p of byId.values()) {
    const m = partsToModel(p);
    if (m) yield m;
  }
}

/** `key "value"; key2 "value2";` (GTF 2.2 column 9); repeated keys such as tag keep every value. */
export function gtfAttributes(text: string): Map<string, string[]> {
  const out = new Map<string, string[]>();
  const re = /\s*([^\s;]+)\s+(?:"([^"]*)"|([^;\s]+))\s*;?/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) {
    const list = out.get(m[1]) ?? [];
    list.push(m[2] ?? m[3]);
    out.set(m[1], list);
  }
  return out;
}
