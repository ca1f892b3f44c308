import * as fs from 'node:fs';
import * as path from 'node:path';

/** The package version, read from package.json next to the compiled tree. */
export function toolVersion(): string {
  for (const candidate of [path.join(__dirname, '..', 'package.json'), path.join(__dirname, '..', '..', 'package.json')]) {
    if (fs.existsSync(candidate)) {
      const pkg = JSON.parse(fs.readFileSync(candidate, 'utf8')) as { name?: string; version?: string };
      if (pkg.name === 'vartriage' && pkg.version) return pkg.version;
    }
  }
  return '0.0.0';
}
