import * as fs from 'node:fs';
import * as path from 'node:path';
import * as layout from './nativeLayout';

/**
 * The optional native hot path (native/, built by `npm ci` through scripts/build-native.cjs): BGZF
 * payloads inflated by libdeflate when the system has it (Debian's libdeflate0), else by zlib,
 * straight into the caller's buffer. When the addon is absent (no compiler at install time) or
 * VARTRIAGE_NATIVE=0, every caller keeps its JavaScript path; the output is the same either way
 * (test/io/native.test.ts). Why native: docs/adr/0005-native-reader.md.
 */
export interface NativeAddon {
  /** Inflates src[payloadStart, payloadEnd) into dst at dstOffset; the inflated size (isize when whole), -1 corrupt, -2 CRC32 mismatch, -3 more bytes than isize. */
  inflateBlock(src: Uint8Array, payloadStart: number, payloadEnd: number, dst: Uint8Array, dstOffset: number, isize: number, crc32: number): number;
  /**
   * The lines of buf[from, to) (up to 2,048 per call), their column starts up to column `need`
   * and the decoded fields of each data line (POS, QUAL, repeated CHROM/FILTER/FORMAT, the GT of
   * column `gtColumn`, the GT/DP/GQ/AD of column `callColumn`; -1 for none; INFO/MQ when `mq` is 1), in rows of
   * headWidth(need) + D_INT_SLOTS int32s and F_FLOAT_SLOTS float64s (src/io/nativeLayout.ts);
   * returns the rows written.
   */
  decodeLines(buf: Uint8Array, from: number, to: number, need: number, gtColumn: number, callColumn: number, mq: number, rows: Int32Array, floats: Float64Array): number;
  /** The slot numbers the addon was built with, to check against src/io/nativeLayout.ts. */
  decodeLayout(): Record<string, number>;
  /** "libdeflate" or "zlib". */
  inflateEngine(): string;
  /** Forces zlib even where libdeflate is present (tests compare the engines). */
  preferZlib(yes: boolean): void;
}

const ADDON = path.join('native', 'build', 'Release', 'vartriage_native.node');

/** The package root: the nearest directory above this file with a package.json (src/io in tests, dist/src/io when built). */
function packageRoot(): string | null {
  for (let dir = __dirname; ; ) {
    if (fs.existsSync(path.join(dir, 'package.json'))) return dir;
    const up = path.dirname(dir);
    if (up === dir) return null;
    dir = up;
  }
}

function load(): NativeAddon | null {
  outOfDate = false;
  if (process.env.VARTRIAGE_NATIVE === '0') return null;
  const root = packageRoot();
  if (root === null) return null;
  const file = path.join(root, ADDON);
  if (!fs.existsSync(file)) return null;
  // A require of a file path: the addon is optional, so a missing build is not a module-resolution error.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const addon = require(file) as NativeAddon;
  // An addon built from older sources (a checkout updated without `npm run build:native`) would
  // write rows of another layout: it is not used.
  if (!layoutMatches(addon)) {
    outOfDate = true;
    return null;
  }
  return addon;
}

/** Whether the addon was built with the row layout of src/io/nativeLayout.ts. */
export function layoutMatches(addon: Pick<NativeAddon, 'decodeLayout'>): boolean {
  if (typeof addon.decodeLayout !== 'function') return false;
  const built = addon.decodeLayout();
  const ours = layout as unknown as Record<string, unknown>;
  for (const [name, value] of Object.entries(built)) {
    if (name === 'HEAD_EXTRA' ? layout.headWidth(0) !== value : ours[name] !== value) return false;
  }
  // Every slot and flag of ours must be in the addon's (the row head, ROW_*, is checked as HEAD_EXTRA).
  for (const [name, value] of Object.entries(ours)) if (typeof value === 'number' && !name.startsWith('ROW_') && !(name in built)) return false;
  return 'HEAD_EXTRA' in built;
}

let cached: NativeAddon | null | undefined;
let outOfDate = false;

/** The addon, or null when it is not built or disabled. */
export function nativeAddon(): NativeAddon | null {
  if (cached === undefined) cached = load();
  return cached;
}

/** Turns the addon off (false) or back on for this thread: tests compare both paths in one process. */
export function useNativeAddon(enabled: boolean): void {
  cached = enabled ? load() : null;
}

/** Which reader this process uses, for the run log: "native (libdeflate)", "native (zlib)" or "JavaScript (VARTRIAGE_NATIVE=0)" / "JavaScript (addon not built)". */
export function readerName(): string {
  const addon = nativeAddon();
  if (addon !== null) return `native (${addon.inflateEngine()})`;
  if (process.env.VARTRIAGE_NATIVE === '0') return 'JavaScript (VARTRIAGE_NATIVE=0)';
  return outOfDate ? 'JavaScript (native addon out of date: npm run build:native)' : 'JavaScript (native addon not built: npm run build:native)';
}
