import * as path from 'node:path';
import { readLines } from './parse/lines';

/**
 * The upstream release a source file comes from, for the manifest and for citing in reports. Taken
 * from the file's own header where it states one (ClinVar `##fileDate`), otherwise from the release
 * naming upstream uses in file names (clinvar_20240107, gnomad.genomes.v4.0, MANE.GRCh38.v1.0,
 * refGene.hg38.2017), otherwise the file name itself.
 */
export function upstreamVersion(kind: 'clinvar' | 'gnomad' | 'genes', file: string): string {
  const base = path.basename(file);
  if (kind === 'clinvar') {
    const date = headerValue(file, '##fileDate=');
    if (date) return `ClinVar ${date.replace(/^(\d{4})(\d{2})(\d{2})$/, '$1-$2-$3')}`;
    const m = /clinvar[._-](\d{4})(\d{2})(\d{2})/i.exec(base);
    return m ? `ClinVar ${m[1]}-${m[2]}-${m[3]}` : base;
  }
  if (kind === 'gnomad') {
    const m = /gnomad\.(exomes|genomes)\.([vr][\d.]*\d)/i.exec(base);
    return m ? `gnomAD ${m[2]} ${m[1]}` : base;
  }
  const mane = /MANE\.GRCh3[78]\.(v[\d.]*\d)/.exec(base);
  if (mane) return `MANE ${mane[1]}${/refGene/.test(base) ? ' x refGene' : ''}`;
  return base.replace(/\.(txt|gtf|gff3?|genePred)?(\.gz)?$/i, '');
}

/** Value of a `##key=value` header line near the top of a text or compressed file. */
function headerValue(file: string, prefix: string): string | undefined {
  for (const { text, lineNo } of readLines(file)) {
    if (text.startsWith(prefix)) return text.slice(prefix.length).trim();
    if (!text.startsWith('##') || lineNo > 500) return undefined;
  }
  return undefined;
}
