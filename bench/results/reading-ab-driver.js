// node ab.js DIST FILE WORKERS CALL(0|1): plan + pool of DIST/bench/readWorker.js running readShard; prints wall and CPU.
const [D, file, w, call] = process.argv.slice(2);
const path = require('path'); const { Piscina } = require(D + '/../node_modules/piscina');
const { openTabixIndex } = require(D + '/src/io/tabixIndex'); const { readVcfHeader } = require(D + '/src/io/vcfHeader'); const { planShards } = require(D + '/src/shard/plan');
(async () => {
  const t0 = process.hrtime.bigint();
  const header = readVcfHeader(file); const index = await openTabixIndex(file);
  const shards = await planShards(file, index, { contigLengths: new Map(header.contigs.map((c) => [c.name, c.length ?? 0])) });
  const pool = new Piscina({ filename: path.join(D, 'bench', 'readWorker.js'), minThreads: +w, maxThreads: +w });
  const read = { sampleColumn: 9, displayName: file, compression: header.compression, probandCall: call === '1' };
  const rs = await Promise.all(shards.map((shard) => pool.run({ shard, read, mode: 'normalise' })));
  await pool.destroy();
  const u = process.cpuUsage();
  console.log(JSON.stringify({ D: path.basename(D), call, wall_s: +(Number(process.hrtime.bigint() - t0) / 1e9).toFixed(2), cpu_s: +((u.user + u.system) / 1e6).toFixed(2), records: rs.reduce((a, r) => a + r.records, 0), rss_mb: Math.round(process.resourceUsage().maxRSS / 1024) }));
})();
