/**
 * Segregation rules, one row per situation (synthetic genotypes; the real-data and bcftools checks
 * are in segregationOracle.test.ts and test/e2e/trio.test.ts).
 */
import type { Family, FamilyMember, Relation } from '../../src/prioritise/family';
import type { ModeName } from '../../src/prioritise/inheritance';
import { Segregation, SegregationVariant, SegregationVerdict } from '../../src/prioritise/segregation';
import type { MemberCall } from '../../src/variant/memberCall';

type Sex = 'male' | 'female';
interface M {
  rel: Relation;
  sex: Sex;
  affected?: boolean | null;
  inVcf?: boolean;
}

/** "0/1" or "0/1:5:12" (GT:DP:GQ; "-" for an absent field). */
function call(text: string): MemberCall {
  const [gt, dp = '30', gq = '50'] = text.split(':');
  const alleles = gt.split(/[/|]/);
  const copies = alleles.some((a) => a === '.') ? null : alleles.filter((a) => a === '1').length;
  const num = (x: string): number | null => (x === '-' ? null : Number(x));
  return { gt, copies, ploidy: alleles.length, dp: num(dp), gq: num(gq), ad: null };
}

function family(members: M[]): Family {
  let next = 0;
  const list: FamilyMember[] = members.map((m, i) => ({
    id: `${m.rel}${i}`,
    relation: m.rel,
    sex: m.sex,
    affected: m.rel === 'proband' ? true : m.affected === undefined ? false : m.affected,
    callIndex: m.inVcf === false ? null : next++,
  }));
  return { pedFile: 't.ped', members: list, columns: [], warnings: [] };
}

const TRIO_F: M[] = [{ rel: 'proband', sex: 'female' }, { rel: 'father', sex: 'male' }, { rel: 'mother', sex: 'female' }];
const TRIO_M: M[] = [{ rel: 'proband', sex: 'male' }, { rel: 'father', sex: 'male' }, { rel: 'mother', sex: 'female' }];
const variant = (chrom: string, pos: number, calls: string[]): SegregationVariant => ({ chrom, pos, ref: 'A', alt: 'G', family: calls.map(call) });
const AUTO = (calls: string[], pos = 1000): SegregationVariant => variant('chr1', pos, calls);
const XNP = (calls: string[]): SegregationVariant => variant('chrX', 154033709, calls);

type Expect = Partial<Omit<SegregationVerdict, 'explanation'>> & { says?: RegExp };
const SINGLE: Array<[string, M[], ModeName, SegregationVariant, Expect]> = [
  ['AD de novo: both parents reference with DP >= 10, GQ >= 20', TRIO_F, 'AD', AUTO(['0/1', '0/0', '0/0']), { fits: true, de_novo: true, says: /^de novo: both parents homozygous reference/ }],
  ['AD: a low-quality reference father is unknown, not reference', TRIO_F, 'AD', AUTO(['0/1', '0/0:5:12', '0/0']), { fits: true, de_novo: null, says: /father\) has a low-quality call \(0\/0, DP 5, GQ 12/ }],
  ['AD: parents without DP and GQ are not called de novo', TRIO_F, 'AD', AUTO(['0/1', '0/0:-:-', '0/0:-:-']), { fits: true, de_novo: null, says: /DP or GQ is not given/ }],
  ['AD: a no-call mother is unknown', TRIO_F, 'AD', AUTO(['0/1', '0/0', './.']), { fits: true, de_novo: null, says: /mother\) has no call/ }],
  ['AD: inherited from an unaffected father contradicts', TRIO_F, 'AD', AUTO(['0/1', '0/1', '0/0']), { fits: false, de_novo: false, says: /unaffected father1 \(father\) has it/ }],
  ['AD: inherited from an affected mother fits', [TRIO_F[0], TRIO_F[1], { rel: 'mother', sex: 'female', affected: true }], 'AD', AUTO(['0/1', '0/0', '0/1']), { fits: true, de_novo: false }],
  ['AD: an affected sibling without it contradicts', [...TRIO_F, { rel: 'sibling', sex: 'male', affected: true }], 'AD', AUTO(['0/1', '0/0', '0/0', '0/0']), { fits: false, de_novo: true }],
  ['AR homozygous with a reference father contradicts (deletion or UPD)', TRIO_F, 'AR', AUTO(['1/1', '0/0', '0/1']), { fits: false, says: /does not carry it \(homozygosity would need/ }],
  ['AR homozygous, both parents carriers', TRIO_F, 'AR', AUTO(['1/1', '0/1', '0/1']), { fits: true, de_novo: false }],
  ['XR: hemizygous son (written 1/1) of a carrier mother', TRIO_M, 'XR', XNP(['1/1', '0/0', '0/1']), { fits: true, de_novo: false, says: /^hemizygous; inherited from mother2/ }],
  ['XR: a son\'s 0/1 on X outside the PARs is read as hemizygous', TRIO_M, 'XR', XNP(['0/1', '0/0', '0/1']), { fits: true }],
  ['XR: de novo in a son when the mother is reference', TRIO_M, 'XR', XNP(['1/1', '0/0', '0/0']), { fits: true, de_novo: true }],
  ['XR: one heterozygous variant in a daughter does not fit', TRIO_F, 'XR', XNP(['0/1', '0/0', '0/1']), { fits: false, says: /needs two copies/ }],
  ['XR: an unaffected hemizygous brother contradicts', [...TRIO_M, { rel: 'sibling', sex: 'male' }], 'XR', XNP(['1/1', '0/0', '0/1', '1/1']), { fits: false, says: /unaffected sibling3/ }],
  ['XR in the PAR is diploid: a son\'s 0/1 there is heterozygous', TRIO_M, 'XR', variant('chrX', 100000, ['0/1', '0/0', '0/1']), { fits: false }],
  ['XD: a father does not pass his X to a son', [TRIO_M[0], { rel: 'father', sex: 'male', affected: true }, TRIO_M[2]], 'XD', XNP(['1/1', '1/1', '0/0']), { fits: false, says: /a father does not pass his X to a son/ }],
  ['XD de novo in a daughter', TRIO_F, 'XD', XNP(['0/1', '0/0', '0/0']), { fits: true, de_novo: true }],
  ['MT: absent from the mother is de novo (or low heteroplasmy), not a contradiction', TRIO_F, 'MT', variant('chrM', 3243, ['1', '0', '0']), { fits: true, de_novo: true, says: /heteroplasmy/ }],
];

function check(v: SegregationVerdict, e: Expect): void {
  const { says, ...fields } = e;
  expect(v).toEqual(expect.objectContaining(fields));
  if (says) expect(v.explanation).toMatch(says);
}

describe('Segregation.single', () => {
  it.each(SINGLE)('%s', (_name, members, mode, v, e) => check(new Segregation(family(members), 'GRCh38').single(mode, v), e));
});

const PAIRS: Array<[string, M[], [string[], string[]], Expect]> = [
  ['in trans: one from each parent', TRIO_F, [['0/1', '0/1', '0/0'], ['0/1', '0/0', '0/1']], { fits: true, phased: true, de_novo: false, says: /phased in trans/ }],
  ['in cis: both from the father contradicts', TRIO_F, [['0/1', '0/1', '0/0'], ['0/1', '0/1', '0/0']], { fits: false, phased: true, says: /in cis/ }],
  ['a mother missing from the VCF: unphased, and said so', [TRIO_F[0], TRIO_F[1], { rel: 'mother', sex: 'female', inVcf: false }], [['0/1', '0/1'], ['0/1', '0/0']], { fits: true, phased: false, says: /unphased: .*mother2 \(mother\) is not in the VCF/ }],
  ['a low-quality mother: unphased', TRIO_F, [['0/1', '0/1', '0/0:4:8'], ['0/1', '0/0', '0/1']], { fits: true, phased: false, says: /low-quality call/ }],
  ['one de novo: fits, phase unknown', TRIO_F, [['0/1', '0/1', '0/0'], ['0/1', '0/0', '0/0']], { fits: true, phased: false, de_novo: true, says: /neither parent \(de novo\)/ }],
  ['both parents carry one of them: unphased', TRIO_F, [['0/1', '0/1', '0/1'], ['0/1', '0/0', '0/1']], { fits: true, phased: false, says: /from either parent \(both carry it\)/ }],
  ['an unaffected sibling with both contradicts', [...TRIO_F, { rel: 'sibling', sex: 'female' }], [['0/1', '0/1', '0/0', '0/1'], ['0/1', '0/0', '0/1', '0/1']], { fits: false, phased: true, says: /unaffected sibling3 \(sibling\) carries both/ }],
];

describe('Segregation.pair (compound heterozygotes, AR)', () => {
  it.each(PAIRS)('%s', (_name, members, [a, b], e) => check(new Segregation(family(members), 'GRCh38').pair('AR', AUTO(a, 1000), AUTO(b, 2000)), e));
});
