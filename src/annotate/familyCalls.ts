import type { CallFields } from '../io/vcfCallFields';
import type { XCallCounts } from '../prioritise/family';
import { isXNonPar } from '../variant/pseudoautosomal';

/** Counts heterozygous and homozygous-alternate calls per member on X outside the PARs (for the PED sex check). */
export class XCallCounter {
  private readonly het: number[];
  private readonly homAlt: number[];

  constructor(
    members: number,
    private readonly build: string,
  ) {
    this.het = new Array<number>(members).fill(0);
    this.homAlt = new Array<number>(members).fill(0);
  }

  add(chrom: string, pos1: number, family: CallFields[]): void {
    if (!isXNonPar(chrom, pos1, this.build)) return;
    for (let j = 0; j < family.length; j++) {
      const a = family[j].alleles;
      if (family[j].ploidy !== 2 || a[0] < 0 || a[1] < 0) continue;
      if (a[0] !== a[1]) this.het[j]++;
      else if (a[0] > 0) this.homAlt[j]++;
    }
  }

  counts(): XCallCounts {
    return { het: [...this.het], homAlt: [...this.homAlt] };
  }
}
