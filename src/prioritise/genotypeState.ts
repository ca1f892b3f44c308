import type { MemberCall } from '../variant/memberCall';
import type { FamilyMember } from './family';

/**
 * Quality a family member's call needs before it counts as evidence (GATK's and slivar's usual
 * de novo thresholds; DeNovoGear-style callers use similar cut-offs). A call below either is
 * "low quality": unknown, never reference. When the VCF gives no DP or GQ the call is taken as
 * written, but a de novo is only claimed when both parents' DP and GQ were measured and passed.
 */
export const MIN_DP = 10;
export const MIN_GQ = 20;

/** How a member's genotype at one allele is read for segregation. */
export type GenotypeStatus = 'reference' | 'other allele' | 'heterozygous' | 'homozygous' | 'hemizygous' | 'no call' | 'low quality' | 'not sequenced';

export interface MemberState {
  member: FamilyMember;
  status: GenotypeStatus;
  /** Reference or carrier call whose DP and GQ were both given and passed (needed for a de novo). */
  measured: boolean;
  call: MemberCall | null;
}

export const isCarrier = (s: MemberState): boolean => s.status === 'heterozygous' || s.status === 'homozygous' || s.status === 'hemizygous';
/** Does not carry this allele: homozygous reference, or (at a multi-allelic site) only other ALT alleles. */
export const isRef = (s: MemberState): boolean => s.status === 'reference' || s.status === 'other allele';
export const isKnown = (s: MemberState): boolean => isCarrier(s) || isRef(s);
/** Two copies, or the one copy of a male on X outside the PARs. */
export const isBiallelic = (s: MemberState): boolean => s.status === 'homozygous' || s.status === 'hemizygous';

/**
 * A member's state at one allele. `haploidX`: X outside the PARs in a male, where any carried copy
 * is hemizygous (diploid callers write 1/1, and 0/1 is an artefact or a sex mismatch).
 */
export function memberState(member: FamilyMember, call: MemberCall | undefined, haploidX: boolean): MemberState {
  if (member.callIndex === null || call === undefined) return { member, status: 'not sequenced', measured: false, call: null };
  if (call.copies === null) return { member, status: 'no call', measured: false, call };
  const lowDp = call.dp !== null && call.dp < MIN_DP;
  const lowGq = call.gq !== null && call.gq < MIN_GQ;
  // The proband's own call was already accepted by the filters; quality gates the relatives' calls.
  if (member.relation !== 'proband' && (lowDp || lowGq)) return { member, status: 'low quality', measured: false, call };
  const measured = call.dp !== null && call.gq !== null;
  let status: GenotypeStatus;
  if (call.copies === 0) status = /^[0/|]+$/.test(call.gt) ? 'reference' : 'other allele';
  else if (haploidX || call.ploidy === 1) status = 'hemizygous';
  else status = call.copies >= call.ploidy ? 'homozygous' : 'heterozygous';
  return { member, status, measured, call };
}

/** "NA12891 (father)": how a member is named in explanations. */
export function who(s: MemberState): string {
  return `${s.member.id} (${s.member.relation})`;
}

/** Why a member's genotype cannot be used, in words. */
export function unknownWhy(s: MemberState): string {
  if (s.status === 'not sequenced') return `${who(s)} is not in the VCF`;
  if (s.status === 'no call') return `${who(s)} has no call`;
  const c = s.call as MemberCall;
  return `${who(s)} has a low-quality call (${c.gt}, DP ${c.dp ?? '.'}, GQ ${c.gq ?? '.'}; needs DP ≥ ${MIN_DP}, GQ ≥ ${MIN_GQ})`;
}
