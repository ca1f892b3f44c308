import { InputError } from '../../errors';
import type { GenomeBuild } from '../../variant/build';
import { primaryContigs } from '../../variant/assemblies';
import { isSymbolicAllele, trimAlleles } from '../../variant/normalise';
import type { GnomadRecord } from '../gnomad';
import { infoValue, perAllele, toNumber } from './vcfInfo';
import { declaredInfoIds, openSourceVcf, VcfSourceCounts } from './vcfSource';

/**
 * Which INFO keys a gnomAD release uses for the group-max frequency: v4 "grpmax"/"AF_grpmax",
 * v2/v3 "popmax"/"AF_popmax"; lifted or reduced files (e.g. r2.0.2 hg38 liftovers) carry AF only,
 * and what they lack is stored as unknown, never as 0.
 */
export interface GnomadLayout {
  grpmaxAfKey: string | null;
  grpmaxKey: string | null;
  hasAc: boolean;
  hasAn: boolean;
  hasNhomalt: boolean;
}

export interface GnomadParseCounts extends VcfSourceCounts {
  alleles: number;
  /** Alleles without AF and without AC/AN to compute it (e.g. AN=0), skipped. */
  noFrequency: number;
  skippedAlleles: number;
  /** The same normalised allele twice in one file (after splitting and trimming): the first is kept. */
  duplicates: number;
}

export function detectGnomadLayout(file: string, declared: Set<string>): GnomadLayout {
  if (!declared.has('AF') && !(declared.has('AC') && declared.has('AN'))) {
    throw new InputError(file, 'header declares neither INFO/AF nor INFO/AC+AN: not a gnomAD (or other allele-frequency) sites VCF');
  }
  const v4 = declared.has('AF_grpmax');
  const v3 = declared.has('AF_popmax');
  return {
    grpmaxAfKey: v4 ? 'AF_grpmax' : v3 ? 'AF_popmax' : null,
    grpmaxKey: v4 && declared.has('grpmax') ? 'grpmax' : v3 && declared.has('popmax') ? 'popmax' : null,
    hasAc: declared.has('AC'),
    hasAn: declared.has('AN'),
    hasNhomalt: declared.has('nhomalt'),
  };
}

const ACGTN = /^[ACGTN]+$/;

function compareAllele(a: GnomadRecord, b: GnomadRecord): number {
  return a.pos - b.pos || (a.ref < b.ref ? -1 : a.ref > b.ref ? 1 : 0) || (a.alt < b.alt ? -1 : a.alt > b.alt ? 1 : 0);
}

/**
 * Streams one gnomAD sites VCF as slim records sorted by (contig order of the build, pos, ref, alt).
 * The input must be sorted by contig and POS (as gnomAD publishes it). Trimming moves an allele at
 * most len(REF)-1 bases right, so a small buffer restores the order: an allele is released once the
 * input has passed its position.
 */
export function* parseGnomadVcf(file: string, build: GenomeBuild, counts: GnomadParseCounts): Generator<GnomadRecord> {
  const vcf = openSourceVcf(file, build);
  const layout = detectGnomadLayout(file, declaredInfoIds(vcf.header));
  const contigOrder = new Map(primaryContigs(build).map((c, i) => [c.name, i]));
  let buffer: GnomadRecord[] = [];
  let chrom = '';
  let lastPos = 0;
  const flushBefore = function* (pos: number): Generator<GnomadRecord> {
    let n = 0;
    while (n < buffer.length && buffer[n].pos < pos) n++;
    if (n === 0) return;
    let prev: GnomadRecord | undefined;
    for (const r of buffer.slice(0, n)) {
      if (prev && compareAllele(prev, r) === 0) {
        counts.duplicates++;
        continue;
      }
      prev = r;
      yield r;
    }
    buffer = buffer.slice(n);
  };
  for (const r of vcf.records(counts)) {
    if (r.chrom !== chrom) {
      if (chrom && (contigOrder.get(r.chrom) ?? 0) < (contigOrder.get(chrom) ?? 0)) {
        throw new InputError(file, `${r.chrom} comes after ${chrom}: records must be sorted by contig (${build} order chr1..chr22, chrX, chrY, chrM) then POS; sort with \`bcftools sort\``, r.lineNo);
      }
      yield* flushBefore(Infinity);
      chrom = r.chrom;
      lastPos = 0;
    } else if (r.pos1 < lastPos) {
      throw new InputError(file, `POS ${r.pos1} after ${lastPos}: records must be sorted by POS within a contig; sort with \`bcftools sort\``, r.lineNo);
    }
    lastPos = r.pos1;
    yield* flushBefore(r.pos1);
    const an = layout.hasAn ? toNumber(infoValue(r.info, 'AN')) : undefined;
    const acs = layout.hasAc ? infoValue(r.info, 'AC') : undefined;
    const afs = infoValue(r.info, 'AF');
    const homs = layout.hasNhomalt ? infoValue(r.info, 'nhomalt') : undefined;
    const gafs = layout.grpmaxAfKey ? infoValue(r.info, layout.grpmaxAfKey) : undefined;
    const groups = layout.grpmaxKey ? infoValue(r.info, layout.grpmaxKey) : undefined;
    r.alts.forEach((alt, i) => {
      if (isSymbolicAllele(alt) || !ACGTN.test(alt) || !ACGTN.test(r.ref)) {
        counts.skippedAlleles++;
        return;
      }
      const ac = toNumber(perAllele(acs, i));
      let af = toNumber(perAllele(afs, i));
      if (af === undefined && ac !== undefined && an !== undefined && an > 0) af = ac / an;
      if (af === undefined) {
        counts.noFrequency++;
        return;
      }
      const t = trimAlleles(r.pos1, r.ref, alt);
      const grpmaxAf = toNumber(perAllele(gafs, i));
      const rec: GnomadRecord = {
        chrom: r.chrom,
        pos: t.pos,
        ref: t.ref,
        alt: t.alt,
        af,
        ac: ac ?? null,
        an: an ?? null,
        nhomalt: toNumber(perAllele(homs, i)) ?? null,
        grpmaxAf: grpmaxAf ?? null,
        grpmax: grpmaxAf === undefined ? '' : perAllele(groups, i) ?? '',
        filter: r.filter,
      };
      counts.alleles++;
      let at = buffer.length;
      while (at > 0 && compareAllele(buffer[at - 1], rec) > 0) at--;
      buffer.splice(at, 0, rec);
    });
  }
  yield* flushBefore(Infinity);
}
