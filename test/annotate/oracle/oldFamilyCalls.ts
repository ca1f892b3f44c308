/** memberCall and XCallCounter over SampleFields, as before the columnar reader (oracle only). */
import type { SampleFields } from '../../../src/io/vcfSampleFields';
import type { XCallCounts } from '../../../src/prioritise/family';
import type { MemberCall } from '../../../src/variant/memberCall';
import { isXNonPar } from '../../../src/variant/pseudoautosomal';

export function memberCall(f: SampleFields, altIndex: number): MemberCall {
  let copies: number | null = f.alleles.length > 0 ? 0 : null;
  for (const a of f.alleles) {
    if (a < 0) {
      copies = null;
      break;
    }
    if (a === altIndex && copies !== null) copies++;
  }
  const refDepth = f.ad.length > 0 ? f.ad[0] : -1;
  const altDepth = altIndex < f.ad.length ? f.ad[altIndex] : -1;
  let dp = f.dp;
  if (dp === null && f.ad.length > 0 && f.ad.every((x) => x >= 0)) dp = f.ad.reduce((a, b) => a + b, 0);
  return { gt: f.gtText, copies, ploidy: f.alleles.length, dp, gq: f.gq, ad: refDepth >= 0 && altDepth >= 0 ? [refDepth, altDepth] : null };
}

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

  add(chrom: string, pos1: number, family: SampleFields[]): void {
    if (!isXNonPar(chrom, pos1, this.build)) return;
    for (let j = 0; j < family.length; j++) {
      const a = family[j].alleles;
      if (a.length !== 2 || a[0] < 0 || a[1] < 0) continue;
      if (a[0] !== a[1]) this.het[j]++;
      else if (a[0] > 0) this.homAlt[j]++;
    }
  }

  counts(): XCallCounts {
    return { het: [...this.het], homAlt: [...this.homAlt] };
  }
}
