#!/usr/bin/env node
// `npm ci` / `npm install` hook: builds the optional native reader (native/) with node-gyp.
// Never fails the install: without a compiler, or with VARTRIAGE_NATIVE=0, vartriage uses its
// JavaScript reader (same output, slower; src/io/native.ts). Plain CommonJS: it runs before tsc.
'use strict';
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const dir = path.join(__dirname, '..', 'native');
const log = path.join(dir, 'build.log');

if (process.env.VARTRIAGE_NATIVE === '0') {
  console.error('vartriage: VARTRIAGE_NATIVE=0, native reader not built; the JavaScript reader is used');
  process.exit(0);
}
// npm hands lifecycle scripts the path of its own node-gyp; outside npm, one on PATH.
const gyp = process.env.npm_config_node_gyp;
const cmd = gyp ? process.execPath : 'node-gyp';
const args = gyp ? [gyp, 'rebuild'] : ['rebuild'];
const r = spawnSync(cmd, args, { cwd: dir, encoding: 'utf8', maxBuffer: 64 << 20 });
fs.writeFileSync(log, `${r.stdout ?? ''}${r.stderr ?? ''}${r.error ? String(r.error) : ''}`);
if (r.status === 0) {
  console.error('vartriage: native reader built (native/build/Release/vartriage_native.node)');
} else {
  console.error(`vartriage: native reader not built (node-gyp ${r.error ? r.error.message : `exit ${r.status}`}; see native/build.log); the JavaScript reader is used`);
}
