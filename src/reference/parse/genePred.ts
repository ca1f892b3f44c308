import { InputError } from '../../errors';
import { readLines } from './lines';
import type { TranscriptModel } from './transcriptModel';

/**
 * UCSC genePred tables (genome.ucsc.edu/FAQ/FAQformat.html#format9): refGene dumps with a leading
 * `bin` column, genePredExt without it, and extended tables with a `#name ...` header naming extra
 * columns (e.g. the MANE-x-refGene file's mane_refseq / mane_status, or gene_name / biotype).
 * genePred coordinates are 0-based half-open; they are converted to 1-based closed here.
 */
const EXT_COLUMNS = ['name', 'chrom', 'strand', 'txStart', 'txEnd', 'cdsStart', 'cdsEnd', 'exonCount', 'exonStarts', 'exonEnds', 'score', 'name2', 'cdsStartStat', 'cdsEndStat', 'exonFrames'];

export function* parseGenePred(file: string): Generator<TranscriptModel> {
  let columns: string[] | null = null;
  for (const { text, lineNo } of readLines(file)) {
    if (text.length === 0) continue;
    if (text.startsWith('#')) {
      if (text.startsWith('#name\t') || text.startsWith('#bin\t')) columns = text.slice(1).split('\t');
      continue;
    }
    const c = text.split('\t');
    let col = columns;
    if (!col) {
      // No header: a refGene dump starts with the numeric bin; genePredExt starts with the name.
      const hasBin = /^\d+$/.test(c[0]) && (c[3] === '+' || c[3] === '-');
      col = hasBin ? ['bin', ...EXT_COLUMNS] : EXT_COLUMNS;
    }
    const get = (name: string): string | undefined => {
      const i = col!.indexOf(name);
      return i < 0 ? undefined : c[i];
    };
    yield toModel(file, lineNo, get);
  }
}

function toModel(file: string, lineNo: number, get: (name: string) => string | undefined): TranscriptModel {
  const need = (name: string): string => {
    const v = get(name);
    if (v === undefined || v === '') throw new InputError(file, `genePred row lacks column ${name} (expected UCSC genePred/refGene layout)`, lineNo);
    return v;
  };
  const int = (name: string): number => {
    const v = need(name);
    if (!/^\d+$/.test(v)) throw new InputError(file, `${name} "${v.slice(0, 30)}" is not a non-negative integer`, lineNo);
    return Number(v);
  };
  const strand = need('strand');
  if (strand !== '+' && strand !== '-') throw new InputError(file, `strand "${strand}" is not + or -`, lineNo);
  const txStart0 = int('txStart');
  const txEnd0 = int('txEnd');
  const cdsStart0 = int('cdsStart');
  const cdsEnd0 = int('cdsEnd');
  const exonCount = int('exonCount');
  const starts = need('exonStarts').split(',').filter((x) => x !== '').map(Number);
  const ends = need('exonEnds').split(',').filter((x) => x !== '').map(Number);
  if (starts.length !== exonCount || ends.length !== exonCount || starts.some((s, i) => !(s < ends[i]))) {
    throw new InputError(file, `exonStarts/exonEnds do not give ${exonCount} exons with start < end`, lineNo);
  }
  if (txStart0 >= txEnd0 || starts[0] < txStart0 || ends[exonCount - 1] > txEnd0) {
    throw new InputError(file, `exons lie outside txStart-txEnd (${txStart0}-${txEnd0})`, lineNo);
  }
  const accession = need('name');
  const coding = cdsEnd0 > cdsStart0;
  const maneStatus = get('mane_status');
  const tags = (get('tags') ?? '').split(/[;,]/);
  return {
    accession,
    geneSymbol: get('name2') ?? get('gene_name') ?? '',
    chrom: need('chrom'),
    start1: txStart0 + 1,
    end1: txEnd0,
    strand,
    cdsStart1: coding ? cdsStart0 + 1 : null,
    cdsEnd1: coding ? cdsEnd0 : null,
    exons: starts.map((s, i) => [s + 1, ends[i]] as [number, number]),
    biotype: get('biotype') ?? (coding ? 'protein_coding' : accession.startsWith('NR_') || accession.startsWith('XR_') ? 'ncRNA' : ''),
    proteinAccession: get('protein_id') || null,
    maneStatus: maneStatus && maneStatus !== '' && maneStatus !== '.' ? maneStatus : tags.includes('MANE_Select') ? 'MANE Select' : null,
    sourceCanonical: tags.includes('Ensembl_canonical'),
    ncbiGeneId: '',
    hgncId: '',
    lineNo,
  };
}
