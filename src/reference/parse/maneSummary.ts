import { InputError } from '../../errors';
import { readLines } from './lines';
import { unversioned } from './transcriptModel';

/** One row of the MANE summary (ftp.ncbi.nlm.nih.gov/refseq/MANE/MANE_human/, MANE.GRCh38.vX.summary.txt.gz). */
export interface ManeEntry {
  ncbiGeneId: string;
  hgncId: string;
  symbol: string;
  refseqNuc: string;
  refseqProt: string;
  ensemblNuc: string;
  ensemblProt: string;
  /** "MANE Select" or "MANE Plus Clinical". */
  status: string;
}

const REQUIRED = ['#NCBI_GeneID', 'HGNC_ID', 'symbol', 'RefSeq_nuc', 'RefSeq_prot', 'Ensembl_nuc', 'Ensembl_prot', 'MANE_status'];

export function isManeSummaryHeader(firstLine: string): boolean {
  return firstLine.startsWith('#NCBI_GeneID\t') && firstLine.includes('MANE_status');
}

export function parseManeSummary(file: string): ManeEntry[] {
  const out: ManeEntry[] = [];
  let col: Map<string, number> | null = null;
  for (const { text, lineNo } of readLines(file)) {
    if (text.length === 0) continue;
    const c = text.split('\t');
    if (!col) {
      col = new Map(c.map((name, i) => [name, i]));
      const missing = REQUIRED.filter((r) => !col!.has(r));
      if (missing.length > 0) throw new InputError(file, `not a MANE summary: header lacks ${missing.join(', ')}`, lineNo);
      continue;
    }
    const get = (name: string): string => c[col!.get(name)!] ?? '';
    const gene = get('#NCBI_GeneID');
    out.push({
      ncbiGeneId: gene.startsWith('GeneID:') ? `NCBIGene:${gene.slice(7)}` : gene,
      hgncId: get('HGNC_ID'),
      symbol: get('symbol'),
      refseqNuc: get('RefSeq_nuc'),
      refseqProt: get('RefSeq_prot'),
      ensemblNuc: get('Ensembl_nuc'),
      ensemblProt: get('Ensembl_prot'),
      status: get('MANE_status'),
    });
  }
  return out;
}

/** MANE entries by unversioned RefSeq and Ensembl transcript accession. */
export function maneByAccession(entries: ManeEntry[]): Map<string, ManeEntry> {
  const m = new Map<string, ManeEntry>();
  for (const e of entries) {
    if (e.refseqNuc) m.set(unversioned(e.refseqNuc), e);
    if (e.ensemblNuc) m.set(unversioned(e.ensemblNuc), e);
  }
  return m;
}
