import * as fs from 'node:fs';
import * as path from 'node:path';
import { InputError } from '../errors';

/** A failed write (full disk, read-only or missing directory) as one line naming the file and the cause. */
export function writeError(file: string, e: unknown): unknown {
  const code = (e as NodeJS.ErrnoException)?.code;
  if (!code) return e;
  // Node's message is "ENOSPC: no space left on device, write": keep the code and the reason.
  const reason = (e as Error).message.split(',')[0];
  return new InputError(file, `cannot write (${reason}); no output was written`);
}

/**
 * Writes several output files so that either all of them appear complete or none does:
 * each is written to `name.tmp-<pid>` first (DESIGN.md §3) and renamed only once every one is written.
 */
export class AtomicOutputSet {
  private readonly pending: Array<{ tmp: string; final: string }> = [];

  constructor(private readonly dir: string) {}

  write(name: string, content: string | Uint8Array): void {
    const tmp = this.reserve(name);
    try {
      fs.writeFileSync(tmp, content);
    } catch (e) {
      throw writeError(path.join(this.dir, name), e);
    }
  }

  /** Lets `writer` produce output NAME (a file or a folder) at a temporary path; write errors become one line. */
  produce(name: string, writer: (tmpPath: string) => void): void {
    const tmp = this.reserve(name);
    try {
      writer(tmp);
    } catch (e) {
      throw writeError(path.join(this.dir, name), e);
    }
  }

  /** As produce(), for a writer that works asynchronously (a worker pool). */
  async produceAsync(name: string, writer: (tmpPath: string) => Promise<unknown>): Promise<void> {
    const tmp = this.reserve(name);
    try {
      await writer(tmp);
    } catch (e) {
      throw writeError(path.join(this.dir, name), e);
    }
  }

  /** Reserves a temporary path for a writer that produces the file itself (e.g. SQLite). */
  reserve(name: string): string {
    const final = path.join(this.dir, name);
    const tmp = `${final}.tmp-${process.pid}`;
    try {
      fs.mkdirSync(this.dir, { recursive: true });
      fs.rmSync(tmp, { force: true });
    } catch (e) {
      throw writeError(final, e);
    }
    this.pending.push({ tmp, final });
    return tmp;
  }

  /** Renames every file into place; if one rename fails, the ones already renamed are removed too. */
  commit(): void {
    const renamed: string[] = [];
    try {
      for (const { tmp, final } of this.pending) {
        // rename() cannot replace a non-empty directory (a store from an earlier run): move it aside first.
        const old = fs.existsSync(final) && fs.statSync(final).isDirectory() ? `${final}.old-${process.pid}` : null;
        if (old) fs.renameSync(final, old);
        fs.renameSync(tmp, final);
        if (old) fs.rmSync(old, { recursive: true, force: true });
        renamed.push(final);
      }
    } catch (e) {
      for (const f of renamed) fs.rmSync(f, { force: true, recursive: true });
      this.abort();
      throw writeError(this.dir, e);
    }
    this.pending.length = 0;
  }

  abort(): void {
    for (const { tmp } of this.pending) fs.rmSync(tmp, { force: true, recursive: true });
    this.pending.length = 0;
  }
}

export function writeFileAtomic(file: string, content: string | Uint8Array): void {
  const set = new AtomicOutputSet(path.dirname(file));
  try {
    set.write(path.basename(file), content);
    set.commit();
  } catch (e) {
    set.abort();
    throw e;
  }
}
