import * as fs from 'node:fs';
import * as zlib from 'node:zlib';
import { InputError } from '../../errors';
import { inflateBlocks, looksLikeBgzf, looksLikeGzip, readAt } from '../../io/bgzf';

/** One line of a text source, without its line end, with its 1-based line number. */
export interface NumberedLine {
  text: string;
  lineNo: number;
}

/** The 28-byte empty block that ends every BGZF file (SAMv1 §4.1.2); its absence means truncation. */
const BGZF_EOF = Buffer.from('1f8b08040000000000ff0600424302001b0003000000000000000000', 'hex');
/** Compressed bytes read per step when streaming a BGZF file. */
const CHUNK_BYTES = 2 << 20;

/**
 * Lines of a plain, gzip or BGZF text file, read synchronously so a build can stream upstream files
 * of any size into synchronous writers. BGZF is inflated block by block (bounded memory); plain gzip
 * (small upstream tables such as refGene or HPO annotations) is inflated whole.
 */
export function* readLines(file: string): Generator<NumberedLine> {
  if (!fs.existsSync(file)) throw new InputError(file, 'no such file');
  if (fs.statSync(file).isDirectory()) throw new InputError(file, 'is a directory, expected a file');
  const fd = fs.openSync(file, 'r');
  try {
    const size = fs.fstatSync(fd).size;
    const head = readAt(fd, 0, 18);
    if (looksLikeBgzf(head)) {
      yield* bgzfLines(fd, file, size);
    } else if (looksLikeGzip(head)) {
      yield* splitLines(gunzipWhole(fs.readFileSync(file), file), 1);
    } else {
      yield* splitLines(fs.readFileSync(file, 'utf8'), 1);
    }
  } finally {
    fs.closeSync(fd);
  }
}

function gunzipWhole(buf: Buffer, file: string): string {
  try {
    return zlib.gunzipSync(buf).toString('utf8');
  } catch (e) {
    const msg = (e as Error).message;
    if (/unexpected end/i.test(msg)) throw new InputError(file, 'truncated gzip: the file ends inside a compressed member (download it again)');
    throw new InputError(file, `corrupt gzip: ${msg}`);
  }
}

function* splitLines(text: string, firstLineNo: number): Generator<NumberedLine> {
  let lineNo = firstLineNo;
  let start = 0;
  for (;;) {
    const nl = text.indexOf('\n', start);
    if (nl < 0) break;
    yield { text: stripCr(text.slice(start, nl)), lineNo: lineNo++ };
    start = nl + 1;
  }
  if (start < text.length) yield { text: stripCr(text.slice(start)), lineNo };
}

const stripCr = (s: string): string => (s.endsWith('\r') ? s.slice(0, -1) : s);

function* bgzfLines(fd: number, file: string, size: number): Generator<NumberedLine> {
  if (size < BGZF_EOF.length || !readAt(fd, size - BGZF_EOF.length, BGZF_EOF.length).equals(BGZF_EOF)) {
    throw new InputError(file, 'truncated BGZF: the end-of-file marker block is missing (SAMv1 §4.1.2); download the file again');
  }
  let offset = 0;
  let carry = '';
  let lineNo = 1;
  while (offset < size) {
    const buf = readAt(fd, offset, Math.min(CHUNK_BYTES, size - offset));
    const atEnd = offset + buf.length >= size;
    const run = inflateBlocks(buf, file, offset, buf.length, atEnd);
    if (run.endCoffset === offset) throw new InputError(file, `BGZF block at byte ${offset} is larger than ${CHUNK_BYTES} bytes`);
    offset = run.endCoffset;
    const text = carry + run.data.toString('utf8');
    const lastNl = text.lastIndexOf('\n');
    if (lastNl < 0) {
      carry = text;
      continue;
    }
    carry = text.slice(lastNl + 1);
    let start = 0;
    for (;;) {
      const nl = text.indexOf('\n', start);
      if (nl < 0 || nl > lastNl) break;
      yield { text: stripCr(text.slice(start, nl)), lineNo: lineNo++ };
      start = nl + 1;
    }
  }
  if (carry.length > 0) yield { text: stripCr(carry), lineNo };
}
