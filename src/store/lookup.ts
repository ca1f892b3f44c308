import { InputError } from '../errors';
import { ContigAliases } from '../variant/contigs';
import type { Lookup } from './types';

/** Parses the value of a query option into a lookup, naming the option in errors. */
export function parseLookup(kind: Lookup['kind'], text: string): Lookup {
  const t = text.trim();
  switch (kind) {
    case 'locus': {
      const m = /^([^:\s]+):([\d,]+)$/.exec(t);
      if (!m) throw new InputError('--locus', `"${text}" is not chrom:pos (e.g. chr1:12345)`);
      const pos1 = Number(m[2].replace(/,/g, ''));
      if (!Number.isSafeInteger(pos1) || pos1 < 1) throw new InputError('--locus', `"${text}": position must be a positive integer`);
      return { kind, chrom: m[1], pos1 };
    }
    case 'region': {
      const m = /^([^:\s]+):([\d,]+)-([\d,]+)$/.exec(t);
      if (!m) throw new InputError('--region', `"${text}" is not chrom:start-end (e.g. chr1:1-100000)`);
      const start1 = Number(m[2].replace(/,/g, ''));
      const end1 = Number(m[3].replace(/,/g, ''));
      if (!Number.isSafeInteger(start1) || start1 < 1 || !Number.isSafeInteger(end1) || end1 < start1) throw new InputError('--region', `"${text}": start must be at least 1 and not after end`);
      return { kind, chrom: m[1], start1, end1 };
    }
    case 'gene':
      if (!/^[A-Za-z0-9._@-]+$/.test(t)) throw new InputError('--gene', `"${text}" is not a gene symbol`);
      return { kind, symbol: t };
    case 'rsid':
      if (!/^rs\d+$/i.test(t)) throw new InputError('--rsid', `"${text}" is not a dbSNP id (rs followed by digits)`);
      return { kind, rsid: t.toLowerCase() };
    case 'clinvar': {
      const m = /^(?:VCV0*)?(\d+)$/i.exec(t);
      if (!m) throw new InputError('--clinvar', `"${text}" is not a ClinVar VariationID (digits, or VCV000012345)`);
      return { kind, id: m[1] };
    }
  }
}

/** Resolves the contig of a locus/region lookup to the store's own name (chr1 ↔ 1 ↔ NC_000001.11). */
export function canonicalLookup(lookup: Lookup, aliases: ContigAliases, option: string): Lookup {
  if (lookup.kind !== 'locus' && lookup.kind !== 'region') return lookup;
  const chrom = aliases.canonical(lookup.chrom);
  if (!chrom) {
    const names = aliases.contigs.map((c) => c.name);
    throw new InputError(option, `contig "${lookup.chrom}" is not in this store (it has ${names.slice(0, 6).join(', ')}${names.length > 6 ? ', ...' : ''})`);
  }
  return { ...lookup, chrom };
}

export function describeLookup(l: Lookup): string {
  switch (l.kind) {
    case 'locus':
      return `${l.chrom}:${l.pos1}`;
    case 'region':
      return `${l.chrom}:${l.start1}-${l.end1}`;
    case 'gene':
      return l.symbol;
    case 'rsid':
      return l.rsid;
    case 'clinvar':
      return l.id;
  }
}
