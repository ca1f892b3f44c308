import * as fs from 'node:fs';
import * as path from 'node:path';

/** Every file under `dir`, relative, sorted. */
export function listFiles(dir: string, base = dir): string[] {
  const out: string[] = [];
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...listFiles(p, base));
    else out.push(path.relative(base, p));
  }
  return out.sort();
}

/** Per file of either tree: whether both hold it with the same bytes (a readable diff in expect). */
export function compareTrees(a: string, b: string): Array<{ file: string; same: boolean }> {
  const files = [...new Set([...listFiles(a), ...listFiles(b)])].sort();
  return files.map((file) => {
    const pa = path.join(a, file);
    const pb = path.join(b, file);
    return { file, same: fs.existsSync(pa) && fs.existsSync(pb) && fs.readFileSync(pa).equals(fs.readFileSync(pb)) };
  });
}
