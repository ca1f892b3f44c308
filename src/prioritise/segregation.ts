import type { AnnotatedVariant } from '../annotate/types';
import { isChromMt, isXNonPar } from '../variant/pseudoautosomal';
import type { Family } from './family';
import { isBiallelic, isCarrier, isKnown, isRef, MemberState, memberState, MIN_DP, MIN_GQ, unknownWhy, who } from './genotypeState';
import { MODE_LABELS, ModeName } from './inheritance';

/** Whether the family's genotypes fit one mode of inheritance (results.json `segregation`). */
export interface SegregationVerdict {
  mode: string;
  /** False when a usable genotype of a family member contradicts the mode; unknown genotypes never do. */
  fits: boolean;
  /** True: absent from both parents (called reference with DP and GQ measured and passed); null: cannot tell. */
  de_novo: boolean | null;
  /** Compound heterozygotes: true when the parents' genotypes put the two variants on different (or the same) parental copies; null for a single variant. */
  phased: boolean | null;
  explanation: string;
}

/** What segregation reads of a variant (an AnnotatedVariant, or a Variant straight from readShard). */
export type SegregationVariant = Pick<AnnotatedVariant, 'chrom' | 'pos' | 'ref' | 'alt' | 'family'>;

type Origin = 'father' | 'mother' | 'both parents' | 'de novo' | 'unknown';

/**
 * Segregation of the proband's variants in the pedigree, per mode (see docs/family.md for the rules
 * and their limits: full penetrance is assumed, so an unaffected carrier of a dominant variant
 * contradicts the mode; mosaicism and uniparental disomy are not modelled).
 */
export class Segregation {
  constructor(
    readonly family: Family,
    private readonly build: string,
  ) {}

  /** Every member's state at `v` (proband first). */
  states(v: SegregationVariant): MemberState[] {
    const xNonPar = isXNonPar(v.chrom, v.pos, this.build);
    return this.family.members.map((m) => memberState(m, m.callIndex === null ? undefined : v.family?.[m.callIndex], xNonPar && m.sex === 'male'));
  }

  private parent(states: MemberState[], relation: 'father' | 'mother'): MemberState | null {
    return states.find((s) => s.member.relation === relation) ?? null;
  }

  /**
   * De novo when the proband carries the allele and both parents are homozygous reference (0/0, not
   * merely lacking this ALT at a multi-allelic site) with DP and GQ measured and passed; inherited
   * when either parent carries it; null otherwise.
   */
  deNovo(states: MemberState[]): boolean | null {
    const f = this.parent(states, 'father');
    const m = this.parent(states, 'mother');
    if ((f && isCarrier(f)) || (m && isCarrier(m))) return false;
    if (!isCarrier(states[0])) return null;
    if (f && m && f.status === 'reference' && m.status === 'reference' && f.measured && m.measured) return true;
    return null;
  }

  private origin(states: MemberState[]): Origin {
    const f = this.parent(states, 'father');
    const m = this.parent(states, 'mother');
    if (!f || !m || !isKnown(f) || !isKnown(m)) return 'unknown';
    if (isCarrier(f) && isCarrier(m)) return 'both parents';
    if (isCarrier(f)) return 'father';
    if (isCarrier(m)) return 'mother';
    return this.deNovo(states) ? 'de novo' : 'unknown';
  }

  /** What the parents' genotypes say about where the proband's allele came from. */
  private originText(states: MemberState[], deNovo: boolean | null): string {
    const parents = states.filter((s) => s.member.relation === 'father' || s.member.relation === 'mother');
    if (deNovo) return `de novo: both parents homozygous reference (DP ≥ ${MIN_DP}, GQ ≥ ${MIN_GQ})`;
    const carriers = parents.filter(isCarrier);
    if (carriers.length) return `inherited: carried by ${carriers.map(who).join(' and ')}`;
    if (parents.length === 0) return 'origin unknown: no parents in the pedigree';
    const unknown = parents.filter((s) => !isKnown(s));
    if (unknown.length) return `origin unknown: ${unknown.map(unknownWhy).join('; ')}`;
    if (parents.some((s) => s.status === 'other allele')) return 'absent from both parents, but a parent carries another ALT allele of the site (a Mendelian error, not called de novo)';
    return 'absent from both parents, but their DP or GQ is not given, so not called de novo';
  }

  /** Members other than the proband whose affection status contradicts their genotype under `expectCarrier`. */
  private affectionConflicts(states: MemberState[], affectedHas: (s: MemberState) => boolean, unaffectedHas: (s: MemberState) => boolean): string[] {
    const out: string[] = [];
    for (const s of states.slice(1)) {
      if (!isKnown(s) || s.member.affected === null) continue;
      if (s.member.affected && !affectedHas(s)) out.push(`affected ${who(s)} does not have the genotype (${s.status})`);
      if (!s.member.affected && unaffectedHas(s)) out.push(`unaffected ${who(s)} has it (${s.status})`);
    }
    return out;
  }

  /** Verdict for one variant (dominant, X-linked, mitochondrial, homozygous/hemizygous recessive). */
  single(mode: ModeName, v: SegregationVariant): SegregationVerdict {
    const states = this.states(v);
    const proband = states[0];
    const deNovo = this.deNovo(states);
    const label = MODE_LABELS[mode];
    const conflicts: string[] = [];
    if (mode === 'MT') {
      if (!isChromMt(v.chrom)) conflicts.push('the variant is not mitochondrial');
      const m = this.parent(states, 'mother');
      const shape = m && m.status === 'reference' && m.measured ? 'not seen in the mother: de novo, or maternal heteroplasmy below detection' : this.originText(states, deNovo);
      return this.verdict(label, conflicts, deNovo, null, shape);
    }
    if (mode === 'AD' || mode === 'XD') {
      conflicts.push(...this.affectionConflicts(states, isCarrier, isCarrier));
      const f = this.parent(states, 'father');
      const m = this.parent(states, 'mother');
      if (mode === 'XD' && proband.member.sex === 'male' && isXNonPar(v.chrom, v.pos, this.build) && f && isCarrier(f) && m && isRef(m)) conflicts.push('a father does not pass his X to a son');
      return this.verdict(label, conflicts, deNovo, null, this.originText(states, deNovo));
    }
    // Recessive with one variant: two copies in the proband, or the one X copy of a male.
    if (!isBiallelic(proband)) conflicts.push(`the proband is ${proband.status}, the mode needs two copies`);
    conflicts.push(...this.affectionConflicts(states, isBiallelic, isBiallelic));
    if (mode === 'XR' && proband.status === 'hemizygous') {
      // A son's X comes from his mother: her reference call makes it de novo, not a contradiction.
      const m = this.parent(states, 'mother');
      const dn = this.motherOnlyDeNovo(states);
      const from = dn ? `de novo: mother homozygous reference (DP ≥ ${MIN_DP}, GQ ≥ ${MIN_GQ})` : m && isCarrier(m) ? `inherited from ${who(m)}, ${m.status}` : m ? `origin unknown: ${isKnown(m) ? 'the mother\'s DP or GQ is not given' : unknownWhy(m)}` : 'origin unknown: no mother in the pedigree';
      return this.verdict(label, conflicts, dn, null, `hemizygous; ${from}`);
    }
    for (const p of [this.parent(states, 'father'), this.parent(states, 'mother')]) {
      if (p && isRef(p)) conflicts.push(`${who(p)} does not carry it (homozygosity would need a deletion or uniparental disomy)`);
    }
    return this.verdict(label, conflicts, deNovo, null, `homozygous; ${this.originText(states, deNovo)}`);
  }

  /** X in a male comes from the mother only. */
  private motherOnlyDeNovo(states: MemberState[]): boolean | null {
    const m = this.parent(states, 'mother');
    if (!m) return null;
    if (isCarrier(m)) return false;
    return m.status === 'reference' && m.measured ? true : null;
  }

  /** Verdict for two heterozygous variants of one gene as a compound heterozygote (recessive modes). */
  pair(mode: ModeName, a: SegregationVariant, b: SegregationVariant): SegregationVerdict {
    const sa = this.states(a);
    const sb = this.states(b);
    const label = MODE_LABELS[mode];
    const conflicts: string[] = [];
    // Another affected member must carry both; an unaffected one must not.
    for (let i = 1; i < sa.length; i++) {
      const m = sa[i].member;
      if (m.affected === null || !isKnown(sa[i]) || !isKnown(sb[i])) continue;
      const both = isCarrier(sa[i]) && isCarrier(sb[i]);
      if (m.affected && !both && m.relation !== 'father' && m.relation !== 'mother') conflicts.push(`affected ${who(sa[i])} does not carry both`);
      if (!m.affected && both && m.relation !== 'father' && m.relation !== 'mother') conflicts.push(`unaffected ${who(sa[i])} carries both`);
      if (!m.affected && (isBiallelic(sa[i]) || isBiallelic(sb[i]))) conflicts.push(`unaffected ${who(sa[i])} is ${isBiallelic(sa[i]) ? sa[i].status : sb[i].status} for one of them`);
    }
    const oa = this.origin(sa);
    const ob = this.origin(sb);
    const key = (v: SegregationVariant): string => `${v.chrom}:${v.pos} ${v.ref}>${v.alt}`;
    const parentOrigins = (o: Origin): boolean => o === 'father' || o === 'mother';
    let phased: boolean | null = false;
    let shape: string;
    if (parentOrigins(oa) && parentOrigins(ob)) {
      phased = true;
      if (oa === ob) {
        conflicts.push(`both come from the ${oa} (in cis: one copy of the gene is intact)`);
        shape = `compound heterozygous candidate in cis: ${key(a)} and ${key(b)} both from the ${oa}`;
      } else shape = `compound heterozygous, phased in trans from the parents: ${key(a)} from the ${oa}, ${key(b)} from the ${ob}`;
    } else {
      const why = (o: Origin, s: MemberState[], v: SegregationVariant): string => {
        if (o === 'unknown') {
          const parents = s.filter((x) => x.member.relation === 'father' || x.member.relation === 'mother');
          const unknown = parents.filter((x) => !isKnown(x));
          return `${key(v)}: ${parents.length < 2 ? 'a parent is missing from the pedigree' : unknown.length ? unknown.map(unknownWhy).join('; ') : 'its origin cannot be told'}`;
        }
        return `${key(v)} from ${o === 'de novo' ? 'neither parent (de novo)' : o === 'both parents' ? 'either parent (both carry it)' : `the ${o}`}`;
      };
      shape = `compound heterozygous, unphased: ${why(oa, sa, a)}; ${why(ob, sb, b)}`;
    }
    const deNovo = oa === 'de novo' || ob === 'de novo' ? true : parentOrigins(oa) && parentOrigins(ob) ? false : null;
    if (mode === 'XR' && sa[0].member.sex === 'male') conflicts.push('a male has one X: two heterozygous calls do not make a compound heterozygote');
    return this.verdict(label, conflicts, deNovo, phased, shape);
  }

  private verdict(mode: string, conflicts: string[], deNovo: boolean | null, phased: boolean | null, shape: string): SegregationVerdict {
    const explanation = conflicts.length ? `${shape}; contradicts ${mode}: ${conflicts.join('; ')}` : shape;
    return { mode, fits: conflicts.length === 0, de_novo: deNovo, phased, explanation };
  }
}
