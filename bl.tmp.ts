import * as tf from '@tensorflow/tfjs';
import { initBackend } from './src/trainer/backend';
import { createRng } from './src/trainer/rng';
import { fitRidge, predictRidge, ridgeFeatures } from './src/trainer/randomFeatures';
(async () => {
  const { tf } = await initBackend('wasm');
  const rng = createRng(1);
  const n = 2000, nt = 1000;
  const xtr = Float32Array.from({ length: n }, () => 2 * rng.next() - 1);
  const xte = Float32Array.from({ length: nt }, (_, i) => -1 + (2 * (i + 0.5)) / nt);
  const P = 1600;
  for (const lam of [0.5, 1, 5, 10, 30, 100]) {
    const a = Float32Array.from({ length: P }, () => lam * (2 * rng.next() - 1));
    const b = Float32Array.from({ length: P }, () => lam * (2 * rng.next() - 1));
    for (const k of [1, 4]) {
      const f = (x: number) => Math.sin(2 * Math.PI * k * x);
      const row: string[] = [];
      for (const p of [25, 100, 400, 1600]) {
        const t0 = Date.now();
        const A = tf.tensor2d(a.slice(0, p), [1, p]);
        const B = tf.tensor1d(b.slice(0, p));
        const phi = ridgeFeatures(tf, tf.tensor2d(xtr, [n, 1]), A, B, 'sigmoid');
        const m = await fitRidge(tf, phi, Float32Array.from(xtr, f), { relLambda: 1e-8 });
        const pt = ridgeFeatures(tf, tf.tensor2d(xte, [nt, 1]), A, B, 'sigmoid');
        const pred = await predictRidge(tf, pt, m);
        let e = 0; for (let i = 0; i < nt; i++) e += (pred[i] - f(xte[i])) ** 2;
        row.push(`${p}:${Math.sqrt(e / nt).toExponential(2)}(${Date.now() - t0}ms)`);
        tf.dispose([A, B, phi, pt]);
      }
      console.log('lam', lam, 'k', k, row.join(' '));
    }
  }
})();
