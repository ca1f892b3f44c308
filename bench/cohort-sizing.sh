#!/usr/bin/env bash
# Sizing figures for README "Running a cohort": CPU time per exome and per genome on one core, each
# step a separate process as the workflow runs it. Writes tab-separated rows (wall, user, sys seconds,
# peak RSS kB) to stdout. Needs `npm run build`, `npm run bundle:dev` and bench/work/genome-5M.vcf.gz
# (`node dist/bench/makeGenomeVcf.js`). Usage: bash bench/cohort-sizing.sh > bench/results/cohort-sizing.tsv
set -euo pipefail
cd "$(dirname "$0")/work"
CLI="node ../../dist/src/cli/main.js"
EXOME=${EXOME:-../../../shared/data/vcf/pfeiffer-exome.hg38.vcf.gz}
HPO=HP:0001250,HP:0004322
SHARDS=${SHARDS:-16}
m() {
  local name=$1; shift
  /usr/bin/time -f '%e\t%U\t%S\t%M' -o /tmp/vartriage-sizing.time "$@" >/dev/null 2>/tmp/vartriage-sizing.err || { cat /tmp/vartriage-sizing.err >&2; exit 1; }
  printf '%s\t%s\n' "$name" "$(cat /tmp/vartriage-sizing.time)"
}
printf 'step\twall_s\tuser_s\tsys_s\tmaxrss_kb\n'
m exome-run-threads1 $CLI run --vcf "$EXOME" --hpo $HPO --reference grch38-dev --out sizing-exome-run --threads 1 -q
m exome-annotate-1of1 $CLI annotate --vcf "$EXOME" --reference grch38-dev --out sizing-exome.vtshard.gz --threads 1 -q
m exome-merge $CLI merge sizing-exome.vtshard.gz --hpo $HPO --reference grch38-dev --out sizing-exome-merged -q
for i in $(seq 1 "$SHARDS"); do
  m "genome-annotate-$i-of-$SHARDS" $CLI annotate --vcf genome-5M.vcf.gz --reference grch38-dev --shard "$i/$SHARDS" --out "sizing-genome-$i.vtshard.gz" --threads 1 -q
done
m genome-merge $CLI merge $(for i in $(seq 1 "$SHARDS"); do echo "sizing-genome-$i.vtshard.gz"; done) --hpo $HPO --reference grch38-dev --out sizing-genome-merged -q
