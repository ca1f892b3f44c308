import * as fs from 'node:fs';
import { BgzfWriter } from './bgzfWriter';
import { TabixConfig, TabixIndexBuilder } from './tabixWriter';

export interface IndexedLine {
  /** The text of the line, without its newline. */
  text: string;
  ref: string;
  /** 0-based start and exclusive end of the feature, for the index. */
  beg0: number;
  end0: number;
}

/**
 * Writes header lines and sorted data lines as BGZF with a `.tbi` beside it, both under temporary
 * names that are renamed only when complete.
 */
export function writeIndexedText(file: string, header: string[], lines: Iterable<IndexedLine>, config: TabixConfig): number {
  const tmp = `${file}.tmp-${process.pid}`;
  const tmpIndex = `${file}.tbi.tmp-${process.pid}`;
  const writer = new BgzfWriter(tmp);
  let count = 0;
  try {
    if (header.length > 0) writer.write(header.join('\n') + '\n');
    const index = new TabixIndexBuilder(config);
    for (const line of lines) {
      const start = writer.virtualOffset();
      writer.write(line.text + '\n');
      index.add(line.ref, line.beg0, line.end0, start, writer.virtualOffset());
      count++;
    }
    writer.close();
    fs.writeFileSync(tmpIndex, index.build());
    fs.renameSync(tmp, file);
    fs.renameSync(tmpIndex, `${file}.tbi`);
    return count;
  } catch (e) {
    writer.abort();
    fs.rmSync(tmp, { force: true });
    fs.rmSync(tmpIndex, { force: true });
    throw e;
  }
}
