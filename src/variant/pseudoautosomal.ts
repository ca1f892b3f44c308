/**
 * Pseudoautosomal regions of X (1-based, closed), where males are diploid. GRCh38 and GRCh37
 * coordinates from the Genome Reference Consortium (grc: "Pseudoautosomal regions").
 */
const PAR_X: Record<'GRCh38' | 'GRCh37', Array<[number, number]>> = {
  GRCh38: [
    [10001, 2781479],
    [155701383, 156030895],
  ],
  GRCh37: [
    [60001, 2699520],
    [154931044, 155260560],
  ],
};

export function isChromX(chrom: string): boolean {
  return chrom === 'X' || chrom === 'chrX';
}

export function isChromMt(chrom: string): boolean {
  return chrom === 'MT' || chrom === 'chrM' || chrom === 'chrMT' || chrom === 'M';
}

/** True on X outside the PARs: one copy in a male. `build` unknown counts both builds' PARs as pseudoautosomal. */
export function isXNonPar(chrom: string, pos1: number, build: string): boolean {
  if (!isChromX(chrom)) return false;
  const pars = build === 'GRCh37' ? PAR_X.GRCh37 : build === 'GRCh38' ? PAR_X.GRCh38 : [...PAR_X.GRCh38, ...PAR_X.GRCh37];
  return !pars.some(([s, e]) => pos1 >= s && pos1 <= e);
}
