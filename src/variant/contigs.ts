/**
 * Contig-name aliasing: chr1 ↔ 1 ↔ NC_000001.11, chrM ↔ MT. The bundle's manifest names the
 * canonical contigs and their aliases; names outside it fall back to the chr-prefix rules.
 */
export interface ContigEntry {
  name: string;
  length: number;
  aliases: string[];
}

export class ContigAliases {
  private readonly byAlias = new Map<string, string>();

  constructor(readonly contigs: ContigEntry[]) {
    for (const c of contigs) {
      this.byAlias.set(c.name, c.name);
      for (const a of c.aliases) this.byAlias.set(a, c.name);
    }
  }

  /** The canonical name for `name`, or undefined when the bundle has no such contig. */
  canonical(name: string): string | undefined {
    const direct = this.byAlias.get(name);
    if (direct) return direct;
    const bare = name.replace(/^chr/i, '');
    const candidates = [bare, `chr${bare}`, bare === 'M' ? 'MT' : bare === 'MT' ? 'chrM' : ''];
    for (const c of candidates) {
      const hit = c ? this.byAlias.get(c) : undefined;
      if (hit) return hit;
    }
    return undefined;
  }

  length(canonicalName: string): number | undefined {
    return this.contigs.find((c) => c.name === canonicalName)?.length;
  }
}

/** The usual aliases for a GRCh38/GRCh37 primary contig named like `chr1`/`chrX`/`chrM`. */
export function standardAliases(name: string, refseqAccession?: string): string[] {
  const bare = name.replace(/^chr/, '');
  const out = [bare];
  if (bare === 'M') out.push('MT', 'chrMT');
  if (refseqAccession) out.push(refseqAccession);
  return out;
}
