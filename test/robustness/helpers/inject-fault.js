/*
 * Fault injection for test/robustness/interrupt.test.ts, loaded into the CLI (and its worker threads)
 * with NODE_OPTIONS="--require <this file>". VARTRIAGE_FAULT picks the fault:
 *   worker-busy   a worker spins for 60 s when it opens the VCF (so a signal lands mid-annotation)
 *   worker-throw  a worker throws an unexpected Error when it opens the VCF (a bug in worker code)
 *   worker-exit   a worker thread exits abruptly when it opens the VCF (a crash)
 *   enospc:NAME   writing output NAME fails with ENOSPC (a full disk)
 *   hold-after-store  the main thread spins for 3 s once the store is renamed into place (the last
 *                 output), so a signal lands after the outputs are complete
 * Plain JS because Node loads it before anything is compiled.
 */
'use strict';
const fs = require('node:fs');
const { isMainThread } = require('node:worker_threads');

const fault = process.env.VARTRIAGE_FAULT || '';

if (!isMainThread && fault.startsWith('worker-')) {
  const openSync = fs.openSync;
  fs.openSync = function patchedOpenSync(file, ...rest) {
    if (/\.vcf(\.gz)?$/.test(String(file))) {
      if (fault === 'worker-busy') {
        const until = Date.now() + 60000;
        while (Date.now() < until);
      }
      if (fault === 'worker-throw') throw new Error('simulated bug in a worker');
      if (fault === 'worker-exit') process.exit(3);
    }
    return openSync.call(fs, file, ...rest);
  };
}

if (isMainThread && fault.startsWith('enospc:')) {
  const name = fault.slice('enospc:'.length);
  const writeFileSync = fs.writeFileSync;
  fs.writeFileSync = function patchedWriteFileSync(file, ...rest) {
    if (String(file).includes(`${name}.tmp-`)) {
      writeFileSync.call(fs, file, 'partial'); // a half-written file, as a full disk leaves
      throw Object.assign(new Error(`ENOSPC: no space left on device, write`), { code: 'ENOSPC', errno: -28, syscall: 'write' });
    }
    return writeFileSync.call(fs, file, ...rest);
  };
}

if (isMainThread && fault === 'hold-after-store') {
  const renameSync = fs.renameSync;
  fs.renameSync = function patchedRenameSync(from, to) {
    renameSync.call(fs, from, to);
    if (String(from).includes('store.tmp-')) {
      const until = Date.now() + 3000;
      while (Date.now() < until);
    }
  };
}
