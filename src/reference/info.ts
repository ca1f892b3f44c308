import { readManifest } from './manifest';

/** Human-readable summary of a bundle's manifest (or the manifest itself as JSON). */
export function formatInfo(bundleDir: string, asJson: boolean): string {
  const m = readManifest(bundleDir);
  if (asJson) return JSON.stringify(m, null, 2) + '\n';
  const lines = [`name:   ${m.name}`, `build:  ${m.build} (${m.contigs.length} contigs)`, `about:  ${m.description}`, 'sources:'];
  for (const s of m.sources) {
    lines.push(`  ${s.kind.padEnd(8)} ${s.file.padEnd(16)} ${String(s.records).padStart(10)} records  ${s.version}`);
    lines.push(`  ${''.padEnd(8)} from ${s.upstream}`);
    lines.push(`  ${''.padEnd(8)} sha256 ${s.sha256}${s.bytes !== undefined ? `, ${s.bytes} bytes` : ''}`);
  }
  return lines.join('\n') + '\n';
}
