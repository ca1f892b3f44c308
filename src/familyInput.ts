import { InputError } from './errors';
import { parsePed, readPed } from './io/ped';
import type { VcfHeader } from './io/vcfHeader';
import { Family, resolveFamily } from './prioritise/family';

/** results.json `input.pedigree`: the PED as matched to the VCF. */
export interface PedigreeOut {
  file: string;
  proband: string;
  members: Array<{ id: string; relation: string; sex: string; affected: boolean | null; in_vcf: boolean }>;
}

export interface FamilyInput {
  family: Family;
  /** 0-based VCF column of the proband. */
  sampleColumn: number;
  sex: 'male' | 'female' | 'unknown';
  pedigree: PedigreeOut;
  warnings: string[];
}

/**
 * Reads --ped, picks the proband (--proband, else the affected child of a sequenced trio) and the sex to use.
 * `pedText` is the PED's content when it comes from elsewhere than the file (a shard file records it for merge).
 */
export function openFamily(pedFile: string, header: VcfHeader, opts: { proband?: string; sample?: string; sex: 'male' | 'female' | 'unknown' }, pedText?: string): FamilyInput {
  if (header.samples.length === 0) throw new InputError(header.file, 'sites-only VCF (no sample columns): --ped needs the family\'s genotypes');
  if (opts.sample !== undefined && opts.proband !== undefined && opts.sample !== opts.proband) {
    throw new InputError('--sample', `"${opts.sample}" differs from --proband "${opts.proband}"; with --ped give only --proband`);
  }
  const family = resolveFamily(pedText === undefined ? readPed(pedFile) : parsePed(pedText, pedFile), header.samples, opts.proband ?? opts.sample);
  const proband = family.members[0];
  const warnings = [...family.warnings];
  let sex = opts.sex;
  if (proband.sex !== 'unknown') {
    if (opts.sex !== 'unknown' && opts.sex !== proband.sex) warnings.push(`--sex ${opts.sex} disagrees with ${pedFile} (${proband.id} is ${proband.sex}); the PED sex is used`);
    sex = proband.sex;
  }
  return {
    family,
    sampleColumn: family.columns[0],
    sex,
    pedigree: {
      file: pedFile,
      proband: proband.id,
      members: family.members.map((m) => ({ id: m.id, relation: m.relation, sex: m.sex, affected: m.affected, in_vcf: m.callIndex !== null })),
    },
    warnings,
  };
}
