import * as fs from 'node:fs';
import * as path from 'node:path';
import { InputError } from '../errors';
import { BGZF_MAX_BLOCK, inflateBlocks, looksLikeBgzf, readAt } from './bgzf';
import type { VirtualRange } from './tabixIndex';

/**
 * Checks that the virtual offsets an index hands out (SAMv1 §4.1.1: coffset << 16 | uoffset) land on
 * a BGZF block start and, inside that block, on a line start. An index left beside a VCF that was
 * rewritten afterwards fails here with one line, instead of reading garbage or silently missing records.
 */
export function checkIndexMatchesFile(vcf: string, indexPath: string, ranges: VirtualRange[]): void {
  const fd = fs.openSync(vcf, 'r');
  try {
    const size = fs.fstatSync(fd).size;
    for (const r of ranges) {
      checkOffset(fd, size, vcf, indexPath, r.startBlock, r.startData, true);
      checkOffset(fd, size, vcf, indexPath, r.endBlock, r.endData, false);
    }
  } finally {
    fs.closeSync(fd);
  }
}

function checkOffset(fd: number, size: number, vcf: string, indexPath: string, coffset: number, uoffset: number, isStart: boolean): void {
  const mismatch = (why: string): InputError =>
    new InputError(indexPath, `does not match ${path.basename(vcf)}: ${why} (was the VCF rewritten after indexing? re-index it with \`tabix -p vcf\`)`);
  // An end offset may point just past the last block, at the EOF marker or the end of the file.
  if (!isStart && coffset >= size) return;
  if (coffset >= size) throw mismatch(`it points to byte ${coffset}, past the end of the ${size}-byte file`);
  const head = readAt(fd, coffset, BGZF_MAX_BLOCK);
  if (!looksLikeBgzf(head)) throw mismatch(`no BGZF block starts at byte ${coffset}`);
  const block = inflateBlocks(head, vcf, coffset, 1, coffset + head.length >= size);
  const usize = block.blocks[0]?.usize ?? 0;
  if (uoffset > usize) throw mismatch(`offset ${uoffset} is past the ${usize} bytes of the block at byte ${coffset}`);
  if (isStart && uoffset > 0 && block.data[uoffset - 1] !== 0x0a) throw mismatch(`virtual offset ${coffset}:${uoffset} is not at the start of a line`);
}
