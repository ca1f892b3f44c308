import * as zlib from 'node:zlib';
import * as fs from 'node:fs';
import { TabixIndexedFile } from '@gmod/tabix';
import { parseColdLine } from './coldFormat';
import type { StoredVariant } from './types';

/**
 * Read side of the cold tier (the annotated VCF, BGZF + tabix). Region lookups go through the
 * tabix index; lookups by gene, rsID or ClinVar id have no index here and scan the whole file,
 * which is what the hot and warm tiers exist to avoid.
 */
export class ColdReader {
  private readonly tabix: TabixIndexedFile;

  constructor(private readonly file: string) {
    this.tabix = new TabixIndexedFile({ path: file, tbiPath: `${file}.tbi` });
  }

  async overlapping(chrom: string, start1: number, end1: number): Promise<StoredVariant[]> {
    const out: StoredVariant[] = [];
    // @gmod/tabix takes 0-based half-open coordinates.
    await this.tabix.getLines(chrom, start1 - 1, end1, (line) => {
      out.push(parseColdLine(line));
    });
    return out;
  }

  /** Every record for which `keep` holds, in file order (a full decompression of the file). */
  scan(keep: (v: StoredVariant) => boolean): StoredVariant[] {
    const text = zlib.gunzipSync(fs.readFileSync(this.file)).toString('utf8');
    const out: StoredVariant[] = [];
    for (const line of text.split('\n')) {
      if (line === '' || line.startsWith('#')) continue;
      const v = parseColdLine(line);
      if (keep(v)) out.push(v);
    }
    return out;
  }
}
