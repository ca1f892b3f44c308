import { InputError } from '../errors';
import type { Pedigree, PedIndividual, PedSex } from '../io/ped';

export type Relation = 'proband' | 'father' | 'mother' | 'sibling' | 'child' | 'relative';

/** One member of the proband's family as the segregation check sees it. */
export interface FamilyMember {
  id: string;
  relation: Relation;
  sex: PedSex;
  /** PED phenotype; the proband is taken as affected whatever the PED says (with a warning). */
  affected: boolean | null;
  /** Index into the per-variant genotype list (`Variant.family`); null when the sample is not in the VCF. */
  callIndex: number | null;
}

/** The proband's family matched to VCF columns. Plain data: it is sent to workers. */
export interface Family {
  pedFile: string;
  /** members[0] is the proband. */
  members: FamilyMember[];
  /** 0-based VCF columns whose FORMAT fields are read, in callIndex order (the proband's first). */
  columns: number[];
  warnings: string[];
}

function relationOf(p: PedIndividual, proband: PedIndividual): Relation {
  if (p.id === proband.id) return 'proband';
  if (p.id === proband.father) return 'father';
  if (p.id === proband.mother) return 'mother';
  if (p.father === proband.id || p.mother === proband.id) return 'child';
  const shareParent = (p.father !== null && p.father === proband.father) || (p.mother !== null && p.mother === proband.mother);
  return shareParent ? 'sibling' : 'relative';
}

const RELATION_ORDER: Relation[] = ['proband', 'father', 'mother', 'sibling', 'child', 'relative'];

function chooseProband(ped: Pedigree, inVcf: Set<string>, wanted: string | undefined): PedIndividual {
  if (wanted !== undefined) {
    const p = ped.individuals.find((x) => x.id === wanted);
    if (!p) throw new InputError('--proband', `"${wanted}" is not an individual of ${ped.file}`);
    if (!inVcf.has(p.id)) throw new InputError(ped.file, `proband "${p.id}" is not a sample of the VCF`, p.line);
    return p;
  }
  const trios = ped.individuals.filter((p) => p.affected === true && inVcf.has(p.id) && p.father !== null && p.mother !== null && inVcf.has(p.father) && inVcf.has(p.mother));
  if (trios.length === 1) return trios[0];
  const why = trios.length === 0 ? 'no affected individual has both parents in the VCF' : `${trios.length} affected individuals have both parents in the VCF (${trios.map((p) => p.id).join(', ')})`;
  throw new InputError(ped.file, `${why}; name the proband with --proband ID`);
}

/**
 * Matches the pedigree to the VCF samples and picks the proband. Choices (as PLINK/peddy/slivar
 * users expect): a proband not in the VCF is an error; other family members missing from the VCF
 * are a warning and their genotypes are unknown (never reference); a proband without parents in
 * the VCF is analysed as a singleton with a warning.
 */
export function resolveFamily(ped: Pedigree, vcfSamples: string[], probandId: string | undefined): Family {
  const inVcf = new Set(vcfSamples);
  const proband = chooseProband(ped, inVcf, probandId);
  const warnings: string[] = [];
  const family = ped.individuals.filter((p) => p.family === proband.family);
  for (const p of family) {
    if (!inVcf.has(p.id)) warnings.push(`${ped.file}:${p.line}: ${p.id} (${relationOf(p, proband)} of ${proband.id}) is not a sample of the VCF; its genotypes are unknown`);
  }
  for (const parent of [proband.father, proband.mother]) {
    if (parent !== null && !family.some((p) => p.id === parent)) warnings.push(`${ped.file}:${proband.line}: parent "${parent}" of ${proband.id} has no line of its own in the PED; its genotypes are unknown`);
  }
  const hasParent = (id: string | null): boolean => id !== null && inVcf.has(id);
  if (!hasParent(proband.father) && !hasParent(proband.mother)) {
    warnings.push(`${ped.file}:${proband.line}: proband ${proband.id} has no parent in the VCF; analysed as a singleton (no de novo calls, compound heterozygotes unphased)`);
  }
  if (proband.affected !== true) warnings.push(`${ped.file}:${proband.line}: proband ${proband.id} is not marked affected (phenotype column 6 is not 2); analysed as affected`);
  const sorted = [...family].sort((a, b) => RELATION_ORDER.indexOf(relationOf(a, proband)) - RELATION_ORDER.indexOf(relationOf(b, proband)) || a.line - b.line);
  const columns: number[] = [];
  const members = sorted.map((p): FamilyMember => {
    const at = vcfSamples.indexOf(p.id);
    const callIndex = at < 0 ? null : columns.push(9 + at) - 1;
    const relation = relationOf(p, proband);
    return { id: p.id, relation, sex: p.sex, affected: relation === 'proband' ? true : p.affected, callIndex };
  });
  return { pedFile: ped.file, members, columns, warnings };
}

/** Heterozygous and homozygous-alternate calls of each member on chrX outside the pseudoautosomal regions. */
export interface XCallCounts {
  het: number[];
  homAlt: number[];
}

/** Fewer non-reference X calls than this and the check says nothing (a panel or an excerpt). */
const MIN_X_CALLS = 20;
/** Males show few heterozygous X calls outside the PARs (mapping artefacts); above this fraction the PED sex is doubted. */
const MALE_MAX_HET_FRACTION = 0.3;
/** Females show many; below this fraction the PED sex is doubted. */
const FEMALE_MIN_HET_FRACTION = 0.1;

/** Compares the PED sex with heterozygosity on X (as peddy's sex check does); one warning per disagreeing member. */
export function checkSexFromX(family: Family, counts: XCallCounts): string[] {
  const out: string[] = [];
  for (const m of family.members) {
    if (m.callIndex === null || m.sex === 'unknown') continue;
    const het = counts.het[m.callIndex] ?? 0;
    const total = het + (counts.homAlt[m.callIndex] ?? 0);
    if (total < MIN_X_CALLS) continue;
    const fraction = het / total;
    const pct = `${het} of ${total} non-reference X calls outside the PARs are heterozygous`;
    if (m.sex === 'male' && fraction > MALE_MAX_HET_FRACTION) out.push(`${family.pedFile}: ${m.id} is male in the PED but ${pct}; check the PED sex or the sample identity`);
    if (m.sex === 'female' && fraction < FEMALE_MIN_HET_FRACTION) out.push(`${family.pedFile}: ${m.id} is female in the PED but only ${pct}; check the PED sex or the sample identity`);
  }
  return out;
}
