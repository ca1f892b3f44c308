import * as fs from 'node:fs';
import * as path from 'node:path';

/**
 * Writes several output files so that either all of them appear complete or none does:
 * each is written to `name.tmp-<pid>` first (DESIGN.md §3) and renamed only once every one is written.
 */
export class AtomicOutputSet {
  private readonly pending: Array<{ tmp: string; final: string }> = [];

  constructor(private readonly dir: string) {}

  write(name: string, content: string | Uint8Array): void {
    fs.mkdirSync(this.dir, { recursive: true });
    const final = path.join(this.dir, name);
    const tmp = `${final}.tmp-${process.pid}`;
    this.pending.push({ tmp, final });
    fs.writeFileSync(tmp, content);
  }

  /** Reserves a temporary path for a writer that produces the file itself (e.g. SQLite). */
  reserve(name: string): string {
    fs.mkdirSync(this.dir, { recursive: true });
    const final = path.join(this.dir, name);
    const tmp = `${final}.tmp-${process.pid}`;
    fs.rmSync(tmp, { force: true });
    this.pending.push({ tmp, final });
    return tmp;
  }

  commit(): void {
    for (const { tmp, final } of this.pending) {
      // rename() cannot replace a non-empty directory (a store from an earlier run): move it aside first.
      const old = fs.existsSync(final) && fs.statSync(final).isDirectory() ? `${final}.old-${process.pid}` : null;
      if (old) fs.renameSync(final, old);
      fs.renameSync(tmp, final);
      if (old) fs.rmSync(old, { recursive: true, force: true });
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
