/**
 * The work of a random-teachers run: per student, `steps` AdamW steps of the student (forward +
 * backward) plus the teacher's forward, through encoder, head MLP, bottleneck and projection; probes:
 * embeddings of the labelled and scored examples at every probe point, the k-NN distance product,
 * and the final linear probe.
 */
import { evalsBetween, forwardWork, stepsWork } from '../../core/estimate/work';
import type { RandomTeachersConfig } from './schema';

export function work(c: RandomTeachersConfig): number {
  const m = c.model;
  const enc = [784, ...m.encoder];
  const full = [...enc, ...m.head_hidden, m.bottleneck, m.out_dim];
  const steps = c.distill.steps;
  const b = c.distill.batch_size;
  const val = c.data.val ?? 0;
  const probed = val + c.data.test;
  const probes = evalsBetween(0, steps, Math.max(1, c.probe.every));
  const dim = m.encoder[m.encoder.length - 1] ?? 1;
  const perStudent =
    stepsWork(full, steps, steps * b, c.distill.optimizer) +
    forwardWork(full, steps * b) +
    probes * (forwardWork(enc, probed) + val * c.data.test * dim) +
    stepsWork([dim, 10], c.probe.linear_steps, 100 * c.probe.linear_steps, 'adamw');
  // Baselines: the teacher's embeddings once, and k-NN on raw pixels (784-dimensional distances).
  return c.distill.alphas.length * perStudent + forwardWork(enc, probed) + val * c.data.test * 784;
}
