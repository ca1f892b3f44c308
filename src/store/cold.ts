import * as zlib from 'node:zlib';
import * as fs from 'node:fs';
import type { TabixIndexedFile } from '@gmod/tabix';
import { parseColdLine } from './coldFormat';
import type { StoredVariant } from './types';

/**
 * Read side of the cold tier (the annotated VCF, BGZF + tabix). Region lookups go through the
 * tabix index; lookups by gene, rsID or ClinVar id have no index here and scan the whole file,
 * which is what the hot and warm tiers exist to avoid.
 */
export class ColdReader {
  private tabix: TabixIndexedFile | null = null;

  constructor(private readonly file: string) {}

  async overlapping(chrom: string, start1: number, end1: number): Promise<StoredVariant[]> {
    // Loaded on first use: @gmod/tabix costs tens of ms at start-up that hot/warm lookups do not need.
    if (!this.tabix) {
      const { TabixIndexedFile: Tabix } = await import('@gmod/tabix');
      this.tabix = new Tabix({ path: this.file, tbiPath: `${this.file}.tbi` });
    }
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
