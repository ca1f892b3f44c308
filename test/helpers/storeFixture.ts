import * as fs from 'node:fs';
import * as path from 'node:path';
import * as zlib from 'node:zlib';
import type { AnnotatedVariant, GeneConsequence } from '../../src/annotate/types';
import type { ConsequenceTerm } from '../../src/annotate/soTerms';
import type { Zygosity } from '../../src/variant/types';
import { SHARED_DATA } from './cli';

/**
 * Annotated variants for store tests: real Platinum Genomes NA12878 GRCh38 chr21 records (alleles,
 * QUAL, FILTER, genotypes), real MANE gene spans on chr21, and deterministic made-up frequencies,
 * ClinVar facts and IDs chosen to hit the awkward cases (text IDs, several IDs, characters that VCF
 * INFO must percent-encode, exponent-form numbers, null QUAL).
 */
export function chr21Variants(limit = Infinity): AnnotatedVariant[] {
  const vcf = zlib.gunzipSync(fs.readFileSync(path.join(SHARED_DATA, 'vcf', 'PG_NA12878_hg38-chr21.vcf.gz'))).toString('utf8');
  const genes = zlib
    .gunzipSync(fs.readFileSync(path.join(SHARED_DATA, 'genes', 'MANE.GRCh38.v1.0.summary.txt.gz')))
    .toString('utf8')
    .split('\n')
    .map((l) => l.split('\t'))
    .filter((c) => c[10] === '21' && c[9] === 'MANE Select')
    .map((c) => ({ symbol: c[3], transcript: c[5], start: Number(c[11]), end: Number(c[12]) }));
  const out: AnnotatedVariant[] = [];
  let n = 0;
  for (const line of vcf.split('\n')) {
    if (line === '' || line.startsWith('#')) continue;
    if (out.length >= limit) break;
    const c = line.split('\t');
    const pos = Number(c[1]);
    const gt = c[9].split(':')[0].split(/[/|]/);
    const zygosity: Zygosity = gt[0] === gt[1] ? 'hom' : 'het';
    for (const alt of c[4].split(',')) {
      const i = n++;
      const overlapping: GeneConsequence[] = genes
        .filter((g) => g.start <= pos && g.end >= pos)
        .map((g, k) => {
          const csq: ConsequenceTerm = (i + k) % 9 === 0 ? 'missense_variant' : (i + k) % 31 === 0 ? 'frameshift_variant' : 'intron_variant';
          return { gene: g.symbol, transcript: g.transcript, consequence: csq, terms: csq === 'frameshift_variant' ? [csq, 'splice_region_variant'] : [csq], location: i % 5 === 0 ? null : `exon ${1 + (i % 7)}/9`, maneSelect: k === 0 };
        });
      out.push({
        chrom: 'chr21',
        pos,
        ref: c[3],
        alt,
        id: i % 3 === 0 ? `rs${100000 + i}` : i % 101 === 0 ? `rs${i};COSV${i}` : i % 103 === 0 ? `esv${i}` : '.',
        filter: c[6],
        qual: i % 17 === 0 ? null : Number(c[5]) + (i % 4) / 4,
        zygosity,
        line: i % 2 === 0 ? i + 40 : null,
        consequence: overlapping.length ? (overlapping.some((g) => g.consequence === 'frameshift_variant') ? 'frameshift_variant' : overlapping.some((g) => g.consequence === 'missense_variant') ? 'missense_variant' : 'intron_variant') : 'intergenic_variant',
        genes: overlapping,
        gnomad: i % 4 === 3 ? null : { af: i % 10 === 0 ? 1e-7 * (1 + (i % 3)) : (i % 1000) / 1000, ac: i % 1000, an: 152000, nhomalt: i % 7, grpmaxAf: i % 2 ? null : ((i % 1000) / 1000) * 1.5, grpmax: i % 2 ? '' : 'nfe', filter: i % 11 ? 'PASS' : 'AC0;RF' },
        clinvar:
          i % 89 === 0
            ? { id: String(9000 + i), significance: i % 2 ? 'Pathogenic' : 'Likely_benign', reviewStatus: 'criteria_provided,_multiple_submitters,_no_conflicts', stars: 2, conditions: [`Syndrome ${i}; type=2, 50% "penetrant"`, 'Ménière disease|other'] }
            : null,
        // The sample's call: real GT text, made-up depths; some fields and some calls missing.
        call:
          i % 13 === 0
            ? undefined
            : { gt: c[9].split(':')[0], copies: zygosity === 'hom' ? 2 : 1, ploidy: 2, dp: i % 29 === 0 ? null : 20 + (i % 50), gq: i % 31 === 0 ? null : 99 - (i % 40), ad: i % 7 === 0 ? null : [10 + (i % 20), 8 + (i % 25)] },
      });
    }
  }
  return out;
}
