/**
 * Saves named tensors in tfjs's weights format: `weights.bin` (the raw data) and `weights.json`
 * (a tfjs weights manifest: `[{ paths: ['weights.bin'], weights: [{ name, shape, dtype }] }]`), which
 * `tf.io.decodeWeights` reads back. Used for final weights, masks and the rewind snapshot.
 */
import type * as tfNs from '@tensorflow/tfjs';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

type Tf = typeof tfNs;

export async function saveNamedTensors(tf: Tf, dir: string, tensors: Record<string, tfNs.Tensor>): Promise<string> {
  mkdirSync(dir, { recursive: true });
  const { data, specs } = await tf.io.encodeWeights(tensors);
  writeFileSync(path.join(dir, 'weights.bin'), new Uint8Array(data));
  writeFileSync(
    path.join(dir, 'weights.json'),
    JSON.stringify([{ paths: ['weights.bin'], weights: specs }], null, 1) + '\n',
  );
  return dir;
}

/** Reads a folder written by saveNamedTensors. Caller disposes the tensors. */
export function loadNamedTensors(tf: Tf, dir: string): Record<string, tfNs.Tensor> {
  const manifest = JSON.parse(readFileSync(path.join(dir, 'weights.json'), 'utf8')) as {
    paths: string[];
    weights: tfNs.io.WeightsManifestEntry[];
  }[];
  const buf = readFileSync(path.join(dir, manifest[0].paths[0]));
  const ab = buf.buffer.slice(buf.byteOffset, buf.byteOffset + buf.byteLength);
  return tf.io.decodeWeights(ab, manifest[0].weights);
}
