/**
 * Genome build detection from `##contig` lengths (VCF 4.3 §1.4.7). Primary assembly lengths of
 * GRCh37 and GRCh38 differ on every autosome, so the lengths a VCF declares name its build.
 */
export type GenomeBuild = 'GRCh37' | 'GRCh38';

/** Lengths of chr1-22, X, Y for each build (NCBI assembly reports GCF_000001405.25 / .26). */
export const PRIMARY_LENGTHS: Record<GenomeBuild, Record<string, number>> = {
  GRCh37: {
    '1': 249250621, '2': 243199373, '3': 198022430, '4': 191154276, '5': 180915260, '6': 171115067,
    '7': 159138663, '8': 146364022, '9': 141213431, '10': 135534747, '11': 135006516, '12': 133851895,
    '13': 115169878, '14': 107349540, '15': 102531392, '16': 90354753, '17': 81195210, '18': 78077248,
    '19': 59128983, '20': 63025520, '21': 48129895, '22': 51304566, X: 155270560, Y: 59373566,
  },
  GRCh38: {
    '1': 248956422, '2': 242193529, '3': 198295559, '4': 190214555, '5': 181538259, '6': 170805979,
    '7': 159345973, '8': 145138636, '9': 138394717, '10': 133797422, '11': 135086622, '12': 133275309,
    '13': 114364328, '14': 107043718, '15': 101991189, '16': 90338345, '17': 83257441, '18': 80373285,
    '19': 58617616, '20': 64444167, '21': 46709983, '22': 50818468, X: 156040895, Y: 57227415,
  },
};

export interface BuildEvidence {
  build: GenomeBuild | null;
  /** Contigs whose declared length matched the detected build. */
  matched: number;
  /** A contig whose length fits neither build, if any (reported when refusing). */
  example?: { name: string; length: number };
}

/** The build whose primary lengths the declared contigs match; null when nothing decides it. */
export function detectBuild(contigs: Array<{ name: string; length?: number }>): BuildEvidence {
  const votes: Record<GenomeBuild, number> = { GRCh37: 0, GRCh38: 0 };
  for (const c of contigs) {
    if (c.length === undefined) continue;
    const bare = c.name.replace(/^chr/i, '');
    for (const build of ['GRCh37', 'GRCh38'] as const) {
      if (PRIMARY_LENGTHS[build][bare] === c.length) votes[build]++;
    }
  }
  if (votes.GRCh37 === 0 && votes.GRCh38 === 0) return { build: null, matched: 0 };
  const build: GenomeBuild = votes.GRCh38 >= votes.GRCh37 ? 'GRCh38' : 'GRCh37';
  return { build, matched: votes[build] };
}
