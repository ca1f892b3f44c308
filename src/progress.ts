import type { LogFormat } from './log';

/**
 * Progress of the annotation step, reported as shards complete. A bar on stderr when it is a
 * terminal (text format), throttled JSON lines in `--log-format json`, nothing with --quiet or
 * when stderr is a pipe or file in text format (logs stay clean).
 */
export interface Progress {
  /** Called once with each shard's expected work (compressed bytes, or 1 when unknown); `label` names the step (default "annotating"). */
  start(shardWeights: number[], label?: string): void;
  /** A shard finished after reading `records` VCF records. */
  shardDone(index: number, records: number): void;
  /** Clears the bar; safe to call more than once and after a failure. */
  finish(): void;
}

export const silentProgress: Progress = { start() {}, shardDone() {}, finish() {} };

export interface ProgressStream {
  write(chunk: string): unknown;
  isTTY?: boolean;
  columns?: number;
}

export interface ProgressOptions {
  quiet: boolean;
  format: LogFormat;
  stream?: ProgressStream;
  /** Milliseconds clock, injectable for tests. */
  now?: () => number;
}

export interface ProgressState {
  shardsDone: number;
  shards: number;
  records: number;
  /** Fraction of the expected work done, in [0, 1]. */
  fraction: number;
  elapsedMs: number;
}

/** Records per second so far. */
export function rate(s: ProgressState): number {
  return s.elapsedMs > 0 ? (s.records * 1000) / s.elapsedMs : 0;
}

/** Seconds left, extrapolated from the fraction done; null before the first shard completes. */
export function etaSeconds(s: ProgressState): number | null {
  if (s.fraction <= 0) return null;
  if (s.fraction >= 1) return 0;
  return ((s.elapsedMs / 1000) * (1 - s.fraction)) / s.fraction;
}

export function formatDuration(seconds: number | null): string {
  if (seconds === null || !Number.isFinite(seconds)) return '--:--';
  const t = Math.round(seconds);
  const h = Math.floor(t / 3600);
  const m = Math.floor((t % 3600) / 60);
  const s = t % 60;
  const mmss = `${String(m).padStart(2, '0')}:${String(s).padStart(2, '0')}`;
  return h > 0 ? `${h}:${mmss}` : mmss;
}

function compact(n: number): string {
  if (n >= 1e6) return `${(n / 1e6).toFixed(1)}M`;
  if (n >= 1e4) return `${(n / 1e3).toFixed(0)}k`;
  return String(Math.round(n));
}

/** One line of the terminal bar, fitted to `columns`. */
export function renderBar(s: ProgressState, columns = 80, label = 'annotating'): string {
  const pct = `${String(Math.floor(s.fraction * 100)).padStart(3)}%`;
  const tail = ` ${pct}  ${compact(s.records)} variants  ${compact(rate(s))}/s  ETA ${formatDuration(etaSeconds(s))}`;
  const barWidth = Math.max(10, Math.min(40, columns - tail.length - 14));
  const filled = Math.round(s.fraction * barWidth);
  return `${label} [${'#'.repeat(filled)}${'-'.repeat(barWidth - filled)}]${tail}`;
}

const BAR_INTERVAL_MS = 100;
const JSON_INTERVAL_MS = 2000;

export function createProgress(opts: ProgressOptions): Progress {
  const stream = opts.stream ?? process.stderr;
  if (opts.quiet) return silentProgress;
  const mode = opts.format === 'json' ? 'json' : stream.isTTY ? 'bar' : 'none';
  if (mode === 'none') return silentProgress;
  const now = opts.now ?? Date.now;

  let weights: number[] = [];
  let totalWeight = 0;
  let doneWeight = 0;
  let shardsDone = 0;
  let records = 0;
  let startedMs = 0;
  let lastDrawMs = -Infinity;
  let drawn = false;
  let label = 'annotating';

  const state = (): ProgressState => ({
    shardsDone,
    shards: weights.length,
    records,
    fraction: totalWeight > 0 ? Math.min(1, doneWeight / totalWeight) : 0,
    elapsedMs: now() - startedMs,
  });

  const draw = (force: boolean) => {
    const t = now();
    const interval = mode === 'bar' ? BAR_INTERVAL_MS : JSON_INTERVAL_MS;
    if (!force && t - lastDrawMs < interval) return;
    lastDrawMs = t;
    const s = state();
    if (mode === 'bar') {
      // \r and erase-line redraw in place (ECMA-48 EL).
      stream.write(`\r${renderBar(s, stream.columns ?? 80, label)}\x1b[K`);
      drawn = true;
    } else {
      const eta = etaSeconds(s);
      stream.write(
        JSON.stringify({ level: 'progress', msg: label, shards_done: s.shardsDone, shards: s.shards, records: s.records, fraction: round3(s.fraction), rate_per_s: Math.round(rate(s)), eta_s: eta === null ? null : Math.round(eta) }) + '\n',
      );
    }
  };

  return {
    start(shardWeights, stepLabel = 'annotating') {
      label = stepLabel;
      shardsDone = 0;
      records = 0;
      doneWeight = 0;
      lastDrawMs = -Infinity;
      weights = shardWeights.map((w) => (w > 0 ? w : 1));
      totalWeight = weights.reduce((a, b) => a + b, 0);
      startedMs = now();
      if (mode === 'bar') draw(true);
    },
    shardDone(index, n) {
      shardsDone++;
      records += n;
      doneWeight += weights[index] ?? 0;
      draw(shardsDone === weights.length);
    },
    finish() {
      if (mode === 'bar' && drawn) stream.write('\r\x1b[K');
      drawn = false;
    },
  };
}

function round3(x: number): number {
  return Math.round(x * 1000) / 1000;
}

/** Expected work of a shard: compressed bytes it spans (from the index), or 1 when it reads the whole file. */
export function shardWeight(shard: { ranges: Array<{ startBlock: number; endBlock: number }> | null }): number {
  if (!shard.ranges) return 1;
  return shard.ranges.reduce((sum, r) => sum + Math.max(1, r.endBlock - r.startBlock), 0);
}
