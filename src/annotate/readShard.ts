import type { ShardSpec } from '../shard/types';
import { ColumnsView } from '../variant/columnsView';
import type { ContigAliases } from '../variant/contigs';
import type { Variant } from '../variant/types';
import type { ReadOptions, ReadReport } from './readOptions';
import { readShardColumns } from './readShardColumns';

export type { ReadOptions } from './readOptions';

export interface ShardRead extends ReadReport {
  variants: Variant[];
}

/**
 * The shard's normalised variants as `Variant` objects: `readShardColumns` (src/annotate/
 * readShardColumns.ts) materialised, one object per allele. Callers that can work by index should
 * read the columns through `ColumnsView` instead.
 */
export function readShard(shard: ShardSpec, opts: ReadOptions, aliases: ContigAliases): ShardRead {
  const { columns, ...report } = readShardColumns(shard, opts, aliases);
  return { variants: new ColumnsView(columns).variants(), ...report };
}
