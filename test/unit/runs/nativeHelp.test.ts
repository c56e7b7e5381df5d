// The words shown when "Install Native Backend" fails: the reason, and how to do it by hand.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { explainNpmFailure, manualInstructions } from '../../../src/host/runs/nativeHelp';

test('npm failures are explained in words', () => {
  assert.match(
    explainNpmFailure('node-pre-gyp ERR! ... getaddrinfo ENOTFOUND storage.googleapis.com', 1),
    /downloads libtensorflow.*could not reach/,
  );
  assert.match(explainNpmFailure('npm ERR! code EACCES', 243), /permissions/);
  assert.match(explainNpmFailure('gyp ERR! build error', 1), /no prebuilt binary/);
  assert.match(explainNpmFailure('something else', 7), /exited with code 7/);
});

test('manual instructions name the folder and the exact package', () => {
  const t = manualInstructions('/home/u/.vscode/globalStorage/paperlab/native');
  assert.match(
    t,
    /npm install @tensorflow\/tfjs-node@4\.22\.0 --prefix "\/home\/u\/\.vscode\/globalStorage\/paperlab\/native"/,
  );
});
