import type { ClinvarFacts, GeneConsequence, GnomadFacts } from '../annotate/types';
import type { ConsequenceTerm } from '../annotate/soTerms';
import type { IndexedLine } from '../io/indexedTextWriter';
import type { InfoDef } from '../io/vcfHeader';
import type { ContigEntry } from '../variant/contigs';
import type { SourceFields, Zygosity } from '../variant/types';
import { alleleFormat, alleleInfo, SourceHeader } from './sourceFields';
import { end1Of } from './storedVariant';
import { REPORTABLE_REASONS, ReportableReason, StoredCall, StoredVariant } from './types';

/**
 * Cold tier record format: one VCF 4.3 line per stored allele, the input record's own INFO and
 * FORMAT fields (split for the allele, sourceFields.ts) followed by every annotation in INFO fields
 * prefixed VT_, all declared in the header, so bcftools, tabix and IGV read it as any VCF.
 */
export const COLD_INFO: InfoDef[] = [
  { id: 'VT_ROW', number: '1', type: 'Integer', description: '0-based row of this allele in the vartriage store (the same row in the hot and warm tiers)' },
  { id: 'VT_LINE', number: '1', type: 'Integer', description: 'Line of the source record in the input VCF' },
  { id: 'VT_ZYG', number: '1', type: 'String', description: 'Zygosity of the sample for this allele: het, hom, hemi or unknown' },
  { id: 'VT_CSQ', number: '1', type: 'String', description: 'Most severe Sequence Ontology consequence over all overlapped genes (Ensembl VEP order)' },
  { id: 'VT_GENE', number: '.', type: 'String', description: 'Per overlapped gene: Symbol|Transcript|Consequence|Terms (&-separated)|Location|MANE_Select (1 or 0)' },
  { id: 'VT_GNOMAD_AF', number: 'A', type: 'Float', description: 'gnomAD allele frequency (present whenever the allele is in the bundle gnomAD source)' },
  { id: 'VT_GNOMAD_AC', number: 'A', type: 'Integer', description: 'gnomAD allele count' },
  { id: 'VT_GNOMAD_AN', number: '1', type: 'Integer', description: 'gnomAD allele number' },
  { id: 'VT_GNOMAD_NHOMALT', number: 'A', type: 'Integer', description: 'gnomAD homozygous alternate individuals' },
  { id: 'VT_GNOMAD_GRPMAX_AF', number: 'A', type: 'Float', description: 'gnomAD highest allele frequency among genetic ancestry groups' },
  { id: 'VT_GNOMAD_GRPMAX', number: 'A', type: 'String', description: 'gnomAD genetic ancestry group with the highest allele frequency' },
  { id: 'VT_GNOMAD_FILTER', number: '1', type: 'String', description: 'gnomAD FILTER of the site' },
  { id: 'VT_CLNID', number: '1', type: 'String', description: 'ClinVar VariationID' },
  { id: 'VT_CLNSIG', number: '1', type: 'String', description: 'ClinVar clinical significance, as ClinVar gives it' },
  { id: 'VT_CLNREVSTAT', number: '1', type: 'String', description: 'ClinVar review status' },
  { id: 'VT_CLNSTARS', number: '1', type: 'Integer', description: 'ClinVar review status as gold stars (0-4)' },
  { id: 'VT_CLNDN', number: '.', type: 'String', description: 'ClinVar condition names' },
  { id: 'VT_RANK', number: '1', type: 'Integer', description: 'Best rank of a vartriage candidate gene that lists this allele' },
  { id: 'VT_REPORTABLE', number: '.', type: 'String', description: 'Why the allele is in the hot tier: candidate, clinvar_pathogenic, rare_protein_altering' },
  { id: 'VT_INPUT_GT', number: '1', type: 'String', description: 'The sample GT as written in the input VCF, before multi-allelic records were split' },
];

/** FORMAT fields of the sample column besides GT (VCF 4.3 §1.6.2), copied from the input for this allele. */
const COLD_FORMAT = [
  '##FORMAT=<ID=AD,Number=R,Type=Integer,Description="Read depth of REF and of this ALT, from the input AD">',
  '##FORMAT=<ID=DP,Number=1,Type=Integer,Description="Read depth, from the input DP (else the sum of AD)">',
  '##FORMAT=<ID=GQ,Number=1,Type=Integer,Description="Genotype quality, from the input">',
];

/** VCF 4.3 §1.2: characters with special meaning in INFO are percent-encoded; | and & too, inside VT_GENE. */
const SPECIAL = /[%:;=,\t\r\n|&]/g;
const HAS_SPECIAL = /[%:;=,\t\r\n|&]/;

export function encodeInfoValue(s: string): string {
  // Almost no value needs encoding: a test is half the cost of a global replace that finds nothing (millions of calls per genome).
  if (!HAS_SPECIAL.test(s)) return s;
  return s.replace(SPECIAL, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
}

export function decodeInfoValue(s: string): string {
  return s.includes('%') ? s.replace(/%([0-9A-Fa-f]{2})/g, (_m, h: string) => String.fromCharCode(parseInt(h, 16))) : s;
}

const GT: Record<Zygosity, string> = { het: '0/1', hom: '1/1', hemi: '1', unknown: './.' };

export interface ColdHeaderInput {
  build: string;
  sample: string | null;
  contigs: ContigEntry[];
  /** `##FILTER` lines of the input VCF, plus any FILTER values it used without declaring. */
  filterLines: string[];
  toolVersion: string;
  /** The input's own INFO and FORMAT definitions, when its records' fields are kept. */
  source?: SourceHeader;
}

export function coldHeader(h: ColdHeaderInput): string[] {
  const lines = ['##fileformat=VCFv4.3', `##source=vartriage ${h.toolVersion}`, `##reference=${h.build}`];
  const kept = h.source ? " The input record's own INFO and FORMAT fields are kept, Number=A/R/G values split for the allele as bcftools norm -m-any splits them; INFO/END is not kept." : '';
  lines.push(`##vartriage_note="One line per normalised allele (multi-allelic records split, alleles trimmed and left-aligned). GT is written from the zygosity vartriage called for the sample, not copied from the input.${kept}"`);
  for (const c of h.contigs) lines.push(c.length > 0 ? `##contig=<ID=${c.name},length=${c.length}>` : `##contig=<ID=${c.name}>`);
  lines.push(...h.filterLines);
  const own = h.source?.lines ?? [];
  lines.push(...own.filter((l) => l.startsWith('##INFO=')));
  for (const d of COLD_INFO) lines.push(`##INFO=<ID=${d.id},Number=${d.number},Type=${d.type},Description="${d.description}">`);
  if (h.sample !== null) lines.push('##FORMAT=<ID=GT,Number=1,Type=String,Description="Genotype, from the zygosity vartriage called">', ...COLD_FORMAT, ...own.filter((l) => l.startsWith('##FORMAT=')));
  lines.push(['#CHROM', 'POS', 'ID', 'REF', 'ALT', 'QUAL', 'FILTER', 'INFO', ...(h.sample !== null ? ['FORMAT', h.sample] : [])].join('\t'));
  return lines;
}

/**
 * The last genes list coldLine encoded and its VT_GENE value: neighbouring alleles of a spill chunk
 * share one list object (spillRows.ts storedRows), so most lines reuse the text. Lists are never
 * changed once made, so the object is the key.
 */
export class ColdLineMemo {
  genes: readonly GeneConsequence[] | null = null;
  text = '';
}

/**
 * One allele's line. Built by concatenation, in the order of the INFO fields above: arrays, joins
 * and closures per field were a fifth of a store worker's time and much of its garbage.
 */
export function coldLine(v: StoredVariant, withSample: boolean, memo?: ColdLineMemo, source?: SourceFields | null, header?: SourceHeader): IndexedLine {
  const input = source && header ? alleleInfo(source, header.infoNumber) : '';
  let info = (input === '' ? '' : input + ';') + 'VT_ROW=' + v.row;
  if (v.line !== null) info += ';VT_LINE=' + v.line;
  info += ';VT_ZYG=' + v.zygosity + ';VT_CSQ=' + encodeInfoValue(v.consequence);
  if (v.genes.length > 0) {
    if (memo === undefined) info += ';VT_GENE=' + genesValue(v.genes);
    else {
      if (memo.genes !== v.genes) {
        memo.genes = v.genes;
        memo.text = ';VT_GENE=' + genesValue(v.genes);
      }
      info += memo.text;
    }
  }
  const g = v.gnomad;
  if (g) {
    // AC, AN and nhomalt are unknown (null) for AF-only releases: absent, not written as "null".
    info += ';VT_GNOMAD_AF=' + g.af;
    if (g.ac !== null) info += ';VT_GNOMAD_AC=' + g.ac;
    if (g.an !== null) info += ';VT_GNOMAD_AN=' + g.an;
    if (g.nhomalt !== null) info += ';VT_GNOMAD_NHOMALT=' + g.nhomalt;
    if (g.grpmaxAf !== null) info += ';VT_GNOMAD_GRPMAX_AF=' + g.grpmaxAf;
    if (g.grpmax) info += ';VT_GNOMAD_GRPMAX=' + encodeInfoValue(g.grpmax);
    if (g.filter) info += ';VT_GNOMAD_FILTER=' + encodeInfoValue(g.filter);
  }
  const c = v.clinvar;
  if (c) {
    info += ';VT_CLNID=' + encodeInfoValue(c.id) + ';VT_CLNSIG=' + encodeInfoValue(c.significance) + ';VT_CLNREVSTAT=' + encodeInfoValue(c.reviewStatus) + ';VT_CLNSTARS=' + c.stars;
    if (c.conditions.length > 0) info += ';VT_CLNDN=' + listValue(c.conditions, ',');
  }
  if (v.candidateRank !== null) info += ';VT_RANK=' + v.candidateRank;
  if (v.reportable.length > 0) info += ';VT_REPORTABLE=' + v.reportable.join(',');
  if (v.call) info += ';VT_INPUT_GT=' + encodeInfoValue(v.call.gt);
  let text = v.chrom + '\t' + v.pos1 + '\t' + v.id + '\t' + v.ref + '\t' + v.alt + '\t' + (v.qual === null ? '.' : String(v.qual)) + '\t' + v.filter + '\t' + info;
  if (withSample) {
    const more = source && header ? alleleFormat(source, header.formatNumber) : NO_MORE_FORMAT;
    const call = v.call;
    if (call) text += '\tGT:AD:DP:GQ' + more.keys + '\t' + GT[v.zygosity] + ':' + (call.ad ? call.ad[0] + ',' + call.ad[1] : '.') + ':' + (call.dp === null ? '.' : String(call.dp)) + ':' + (call.gq === null ? '.' : String(call.gq)) + more.values;
    else text += '\tGT' + more.keys + '\t' + GT[v.zygosity] + more.values;
  }
  return { text, ref: v.chrom, beg0: v.pos1 - 1, end0: end1Of(v.pos1, v.ref) };
}

const NO_MORE_FORMAT = { keys: '', values: '' };

/** VT_GENE: per gene Symbol|Transcript|Consequence|Terms|Location|MANE, comma-separated. */
function genesValue(genes: readonly GeneConsequence[]): string {
  let out = '';
  for (let i = 0; i < genes.length; i++) {
    const g = genes[i];
    if (i > 0) out += ',';
    out += encodeInfoValue(g.gene) + '|' + encodeInfoValue(g.transcript) + '|' + encodeInfoValue(g.consequence) + '|' + listValue(g.terms, '&') + '|' + encodeInfoValue(g.location ?? '') + (g.maneSelect ? '|1' : '|0');
  }
  return out;
}

/** Values encoded one by one and joined by `sep` (as `list.map(encodeInfoValue).join(sep)`). */
function listValue(list: readonly string[], sep: string): string {
  let out = '';
  for (let i = 0; i < list.length; i++) out += (i > 0 ? sep : '') + encodeInfoValue(list[i]);
  return out;
}

/** Parses a cold-tier line back into the stored variant (the inverse of coldLine). */
export function parseColdLine(line: string): StoredVariant {
  const cols = line.split('\t');
  const info = new Map<string, string>();
  for (const kv of cols[7].split(';')) {
    const eq = kv.indexOf('=');
    info.set(eq < 0 ? kv : kv.slice(0, eq), eq < 0 ? '' : kv.slice(eq + 1));
  }
  const str = (k: string): string | undefined => {
    const s = info.get(k);
    return s === undefined ? undefined : decodeInfoValue(s);
  };
  const num = (k: string): number | null => {
    const s = info.get(k);
    return s === undefined ? null : Number(s);
  };
  const genes: GeneConsequence[] = (info.get('VT_GENE') ?? '')
    .split(',')
    .filter((s) => s !== '')
    .map((entry) => {
      const [gene, transcript, consequence, terms, location, mane] = entry.split('|');
      return {
        gene: decodeInfoValue(gene),
        transcript: decodeInfoValue(transcript),
        consequence: decodeInfoValue(consequence) as ConsequenceTerm,
        terms: terms === '' ? [] : terms.split('&').map((t) => decodeInfoValue(t) as ConsequenceTerm),
        location: location === '' ? null : decodeInfoValue(location),
        maneSelect: mane === '1',
      };
    });
  let gnomad: GnomadFacts | null = null;
  if (info.has('VT_GNOMAD_AF')) {
    const grp = info.get('VT_GNOMAD_GRPMAX_AF');
    gnomad = {
      af: Number(info.get('VT_GNOMAD_AF')),
      ac: num('VT_GNOMAD_AC'),
      an: num('VT_GNOMAD_AN'),
      nhomalt: num('VT_GNOMAD_NHOMALT'),
      grpmaxAf: grp === undefined ? null : Number(grp),
      grpmax: str('VT_GNOMAD_GRPMAX') ?? '',
      filter: str('VT_GNOMAD_FILTER') ?? '',
    };
  }
  let clinvar: ClinvarFacts | null = null;
  if (info.has('VT_CLNID')) {
    const dn = info.get('VT_CLNDN');
    clinvar = {
      id: str('VT_CLNID')!,
      significance: str('VT_CLNSIG') ?? '',
      reviewStatus: str('VT_CLNREVSTAT') ?? '',
      stars: Number(info.get('VT_CLNSTARS') ?? 0),
      conditions: dn === undefined ? [] : dn.split(',').map(decodeInfoValue),
    };
  }
  const rank = info.get('VT_RANK');
  const sourceLine = info.get('VT_LINE');
  const inputGt = str('VT_INPUT_GT');
  let call: StoredCall | null = null;
  if (inputGt !== undefined) {
    const keys = (cols[8] ?? '').split(':');
    const values = (cols[9] ?? '').split(':');
    const field = (k: string): string => values[keys.indexOf(k)] ?? '.';
    const num = (x: string): number | null => (x === '.' ? null : Number(x));
    const ad = field('AD');
    call = { gt: inputGt, dp: num(field('DP')), gq: num(field('GQ')), ad: ad === '.' ? null : (ad.split(',').map(Number) as [number, number]) };
  }
  const reportable = (info.get('VT_REPORTABLE') ?? '').split(',').filter((r): r is ReportableReason => (REPORTABLE_REASONS as readonly string[]).includes(r));
  return {
    row: Number(info.get('VT_ROW')),
    chrom: cols[0],
    pos1: Number(cols[1]),
    ref: cols[3],
    alt: cols[4],
    id: cols[2],
    filter: cols[6],
    qual: cols[5] === '.' ? null : Number(cols[5]),
    zygosity: (info.get('VT_ZYG') ?? 'unknown') as Zygosity,
    line: sourceLine === undefined ? null : Number(sourceLine),
    consequence: str('VT_CSQ') ?? '',
    genes,
    gnomad,
    clinvar,
    candidateRank: rank === undefined ? null : Number(rank),
    reportable,
    call,
  };
}
