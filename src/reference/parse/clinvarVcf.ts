import { InputError } from '../../errors';
import type { GenomeBuild } from '../../variant/build';
import { isSymbolicAllele, trimAlleles } from '../../variant/normalise';
import { variantKey } from '../../variant/types';
import type { ClinvarRecord } from '../clinvar';
import { reviewStars } from '../clinvarSignificance';
import { infoValue, toNumber } from './vcfInfo';
import { declaredInfoIds, openSourceVcf, VcfSourceCounts } from './vcfSource';

/**
 * The two ClinVar VCF layouts labs hold:
 * - `official`: NCBI's clinvar.vcf.gz (ID = VariationID; CLNSIG, CLNREVSTAT, CLNDN, CLNDISDB, MC,
 *   GENEINFO, ALLELEID, RS).
 * - `macarthur`: the MacArthur-lab parse (github.com/macarthur-lab/clinvar), used by many 2016-2019
 *   pipelines (MEASURESET_ID, CLINICAL_SIGNIFICANCE, REVIEW_STATUS, GOLD_STARS, ALL_TRAITS, SYMBOL);
 *   it writes ',' inside values as '..'.
 */
export type ClinvarLayout = 'official' | 'macarthur';

export interface ClinvarParseCounts extends VcfSourceCounts {
  alleles: number;
  /** Records without a germline classification (e.g. oncogenicity-only), skipped. */
  unclassified: number;
  /** ALT '.', symbolic or non-ACGTN alleles, skipped. */
  skippedAlleles: number;
}

export function detectClinvarLayout(file: string, declared: Set<string>): ClinvarLayout {
  if (declared.has('CLNSIG') && declared.has('CLNREVSTAT')) return 'official';
  if (declared.has('CLINICAL_SIGNIFICANCE') && declared.has('REVIEW_STATUS')) return 'macarthur';
  throw new InputError(file, 'header declares neither CLNSIG+CLNREVSTAT (NCBI ClinVar VCF) nor CLINICAL_SIGNIFICANCE+REVIEW_STATUS (MacArthur-lab parse): is this a ClinVar VCF?');
}

const ACGTN = /^[ACGTN]+$/;
const listOf = (v: string | undefined, sep: string): string[] => (v ? v.split(sep).filter((x) => x.length > 0 && x !== '.') : []);
/** A value or '' when absent or missing ('.', VCF 4.3 §1.6.1). */
const text = (v: string | undefined): string => (v === undefined || v === '.' ? '' : v);
const dedupe = (xs: string[]): string[] => [...new Set(xs)];
/**
 * MacArthur-parse values: their writer replaced ', ' (after spaces became '_': ',_') with '..'.
 * Restored so review statuses read as in NCBI's VCF ("criteria_provided,_single_submitter").
 */
const macarthurText = (v: string): string => v.replace(/\.\./g, ',_');

/** Streams one ClinVar VCF as records keyed by normalised `chrom:pos:ref:alt`, one per ALT allele. */
export function* parseClinvarVcf(file: string, build: GenomeBuild, counts: ClinvarParseCounts): Generator<ClinvarRecord> {
  const vcf = openSourceVcf(file, build);
  const layout = detectClinvarLayout(file, declaredInfoIds(vcf.header));
  const sigKey = layout === 'official' ? 'CLNSIG' : 'CLINICAL_SIGNIFICANCE';
  for (const r of vcf.records(counts)) {
    const significance = infoValue(r.info, sigKey);
    if (!significance) {
      counts.unclassified++;
      continue;
    }
    const base = layout === 'official' ? officialFields(r.id, r.info) : macarthurFields(r.info);
    for (const alt of r.alts) {
      if (isSymbolicAllele(alt) || !ACGTN.test(alt) || !ACGTN.test(r.ref)) {
        counts.skippedAlleles++;
        continue;
      }
      const t = trimAlleles(r.pos1, r.ref, alt);
      counts.alleles++;
      yield { key: variantKey(r.chrom, t.pos, t.ref, t.alt), significance, ...base };
    }
  }
}

type ClinvarFields = Omit<ClinvarRecord, 'key' | 'significance'>;

function officialFields(vcfId: string, info: string): ClinvarFields {
  const reviewStatus = text(infoValue(info, 'CLNREVSTAT'));
  return {
    id: vcfId === '.' ? '' : vcfId,
    alleleId: text(infoValue(info, 'ALLELEID')),
    reviewStatus,
    stars: reviewStars(reviewStatus),
    conditions: listOf(infoValue(info, 'CLNDN'), '|'),
    diseaseDb: text(infoValue(info, 'CLNDISDB')),
    // GENEINFO: symbol:GeneID pairs separated by '|'.
    genes: listOf(infoValue(info, 'GENEINFO'), '|').map((g) => g.split(':')[0]),
    // MC: "SO:0001583|missense_variant" pairs separated by ','.
    consequences: dedupe(listOf(infoValue(info, 'MC'), ',').map((m) => m.split('|')[1] ?? m)),
    rsid: text(infoValue(info, 'RS')),
  };
}

function macarthurFields(info: string): ClinvarFields {
  const reviewStatus = macarthurText(text(infoValue(info, 'REVIEW_STATUS')));
  const gold = toNumber(infoValue(info, 'GOLD_STARS'));
  return {
    id: text(infoValue(info, 'MEASURESET_ID')),
    alleleId: '',
    reviewStatus,
    stars: gold !== undefined && Number.isInteger(gold) && gold >= 0 && gold <= 4 ? gold : reviewStars(reviewStatus),
    conditions: dedupe(listOf(infoValue(info, 'ALL_TRAITS'), '|').map(macarthurText)),
    diseaseDb: '',
    genes: listOf(infoValue(info, 'SYMBOL'), '|'),
    consequences: [],
    rsid: '',
  };
}
