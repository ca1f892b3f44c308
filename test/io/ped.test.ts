import { parsePed } from '../../src/io/ped';
import { resolveFamily } from '../../src/prioritise/family';

const TRIO = 'F1 kid dad mum 2 2\nF1 dad 0 0 1 1\nF1 mum 0 0 2 1\n';

describe('parsePed (PLINK PED, 6 columns)', () => {
  it('reads the six columns, # comments, tabs and CRLF, and ignores genotype columns', () => {
    const ped = parsePed('#family id father mother sex phenotype\r\nF1\tkid\tdad\tmum\t2\t2\tA A\r\nF1 dad 0 0 1 1\nF1 mum 0 0 2 -9 # comment\n\n', 'x.ped');
    expect(ped.individuals).toEqual([
      { family: 'F1', id: 'kid', father: 'dad', mother: 'mum', sex: 'female', affected: true, line: 2 },
      { family: 'F1', id: 'dad', father: null, mother: null, sex: 'male', affected: false, line: 3 },
      { family: 'F1', id: 'mum', father: null, mother: null, sex: 'female', affected: null, line: 4 },
    ]);
  });

  // One line per bad input: file:line: problem.
  const BAD: Array<[string, string, RegExp]> = [
    ['duplicate ids', TRIO + 'F2 dad 0 0 1 1\n', /^x\.ped:4: individual "dad" appears twice \(first on line 2\)/],
    ['too few columns', 'F1 kid dad mum 2\n', /^x\.ped:1: 5 column\(s\); a PED line needs 6/],
    ['a quantitative phenotype', 'F1 kid 0 0 1 3.2\n', /^x\.ped:1: phenotype "3\.2" in column 6 is not 2/],
    ['a female father', 'F1 kid dad 0 1 2\nF1 dad 0 0 2 1\n', /^x\.ped:1: "dad" is the father of "kid" but has sex 2/],
    ['an empty file', '# nothing\n', /^x\.ped: no individuals/],
  ];
  it.each(BAD)('refuses %s with one line naming file and line', (_name, text, message) => {
    expect(() => parsePed(text, 'x.ped')).toThrow(message);
  });
});

describe('resolveFamily (PED matched to VCF samples)', () => {
  const ped = parsePed(TRIO + 'F1 sib dad mum 1 1\nF9 other 0 0 1 2\n', 'x.ped');

  it('picks the affected child of a sequenced trio and orders proband, father, mother, sibling', () => {
    const f = resolveFamily(ped, ['mum', 'kid', 'dad', 'sib', 'other'], undefined);
    expect(f.members.map((m) => [m.id, m.relation, m.callIndex])).toEqual([
      ['kid', 'proband', 0],
      ['dad', 'father', 1],
      ['mum', 'mother', 2],
      ['sib', 'sibling', 3],
    ]);
    expect(f.columns).toEqual([10, 11, 9, 12]);
    expect(f.warnings).toEqual([]);
  });

  it('warns about a family member missing from the VCF and treats its genotypes as unknown', () => {
    const f = resolveFamily(ped, ['kid', 'dad', 'mum'], 'kid');
    expect(f.warnings).toEqual(['x.ped:4: sib (sibling of kid) is not a sample of the VCF; its genotypes are unknown']);
    expect(f.members.find((m) => m.id === 'sib')?.callIndex).toBeNull();
  });

  it('runs a proband without parents in the VCF as a singleton, with a warning', () => {
    const f = resolveFamily(ped, ['other', 'kid'], 'other');
    expect(f.members.map((m) => m.id)).toEqual(['other']);
    expect(f.warnings).toEqual(['x.ped:5: proband other has no parent in the VCF; analysed as a singleton (no de novo calls, compound heterozygotes unphased)']);
  });

  it('asks for --proband when no affected individual has both parents in the VCF', () => {
    expect(() => resolveFamily(ped, ['kid', 'dad'], undefined)).toThrow(/^x\.ped: no affected individual has both parents in the VCF; name the proband with --proband ID$/);
  });

  it('refuses a proband that is not in the VCF or not in the PED', () => {
    expect(() => resolveFamily(ped, ['dad', 'mum'], 'kid')).toThrow(/^x\.ped:1: proband "kid" is not a sample of the VCF$/);
    expect(() => resolveFamily(ped, ['kid'], 'nobody')).toThrow(/^--proband: "nobody" is not an individual of x\.ped$/);
  });
});
