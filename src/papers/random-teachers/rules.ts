/** What the random-teachers setting implies across fields, each rule citing the paper or its code. */
import type { PaperRule } from '../../core/paper';
import { fmtInt, imageDataRules } from '../common/rules';
import type { RandomTeachersConfig } from './schema';

type Rule = PaperRule<RandomTeachersConfig>;

const CODE = 'safelix/dinopl';

const zeroGradient: Rule = {
  code: 'random-teachers/zero-gradient',
  title: 'A student equal to its teacher with equal temperatures and no centring learns nothing',
  source: `${CODE} dinopl/core.py (the loss compares softmax((p_t − c)/τ_t) with softmax(p_s/τ_s)); configs/mnist_distillation.json (t_temp 0.04, s_temp 0.1)`,
  check({ distill: d }) {
    if (!d.alphas.includes(0) || d.teacher_temp !== d.student_temp || d.center_momentum < 1) return [];
    return [
      {
        path: ['distill', 'teacher_temp'],
        target: 'value',
        severity: 'warning',
        message: `The α = 0 student starts as an exact copy of the teacher, and with τ_t = τ_s = ${d.teacher_temp} and no centring its targets equal its own predictions: the cross-entropy is at its minimum and the gradient is zero, so it never moves. The paper sharpens the teacher (τ_t 0.04 < τ_s 0.1).`,
        fixes: [
          {
            title: 'Use τ_t = 0.04, τ_s = 0.1',
            edits: [
              { kind: 'setValue', path: ['distill', 'teacher_temp'], value: 0.04 },
              { kind: 'setValue', path: ['distill', 'student_temp'], value: 0.1 },
            ],
            preferred: true,
          },
        ],
      },
    ];
  },
};

const sharpening: Rule = {
  code: 'random-teachers/teacher-sharper',
  title: "The teacher's temperature should be below the student's",
  source: `${CODE} configs/mnist_distillation.json and cifar10_distillation.json (t_temp 0.04, s_temp 0.1), following DINO`,
  check({ distill: d }) {
    if (d.teacher_temp < d.student_temp) return [];
    return [
      {
        path: ['distill', 'teacher_temp'],
        target: 'value',
        severity: 'warning',
        message: `τ_t (${d.teacher_temp}) ≥ τ_s (${d.student_temp}): the teacher's targets are no sharper than the student's predictions. DINO and the paper's code sharpen the teacher (0.04 vs 0.1); with centring, that is what keeps the outputs from collapsing.`,
        fixes: [
          {
            title: 'τ_t = 0.04',
            edits: [{ kind: 'setValue', path: ['distill', 'teacher_temp'], value: 0.04 }],
            preferred: true,
          },
        ],
      },
    ];
  },
};

const farOnly: Rule = {
  code: 'random-teachers/no-close-init',
  title: 'The locality claim needs a student initialised near the teacher',
  source:
    'Sarnthein et al. 2023, abstract ("feature learning is strongly amplified if the student is initialized closely to the teacher"); dinopl configuration.py s_init interpolated',
  check({ distill: d }) {
    const close = d.alphas.some((a) => a <= 0.3);
    const far = d.alphas.includes(1);
    if (close && far) return [];
    return [
      {
        path: ['distill', 'alphas'],
        target: 'value',
        severity: 'info',
        message: `α = [${d.alphas.join(', ')}]: the comparison the paper makes needs a student near the teacher (α ≤ 0.3) AND an independent one (α = 1).`,
        fixes: [
          {
            title: 'Use α = 0, 0.3, 1',
            edits: [{ kind: 'setValue', path: ['distill', 'alphas'], value: [0, 0.3, 1] }],
          },
        ],
      },
    ];
  },
};

const probeSize: Rule = {
  code: 'random-teachers/probe-k',
  title: 'k must be well below the labelled examples per class',
  source: `${CODE} dinopl/probing.py (KNNAnalysis, k = 20)`,
  check({ probe, data }) {
    const labelled = data.val ?? 0;
    if (labelled === 0)
      return [
        {
          path: ['data'],
          severity: 'error',
          message:
            'The probes need labelled examples: set data.val (e.g. 1000), the labelled set the k-NN and linear probes fit.',
          fixes: [
            {
              title: 'Label 1,000 examples',
              edits: [{ kind: 'addKey', parent: ['data'], key: 'val', value: 1000 }],
              preferred: true,
            },
          ],
        },
      ];
    const perClass = labelled / 10;
    if (probe.k <= perClass / 2) return [];
    return [
      {
        path: ['probe', 'k'],
        target: 'value',
        severity: 'warning',
        message: `k = ${probe.k} neighbours out of ~${fmtInt(Math.round(perClass))} labelled examples per class: each vote reaches far into other classes, which measures the label balance more than the embedding. Use k ≤ ${Math.floor(perClass / 2)} or label more examples.`,
      },
    ];
  },
};

const outDim: Rule = {
  code: 'random-teachers/out-dim',
  title: '65,536 output dimensions are out of reach on a CPU',
  source: `${CODE} configs/mnist_distillation.json (out_dim 65536, l2bot 256, hidden [2048, 2048])`,
  check({ model }) {
    if (model.out_dim <= 8192) return [];
    const macs = model.bottleneck * model.out_dim;
    return [
      {
        path: ['model', 'out_dim'],
        target: 'value',
        severity: 'warning',
        message: `out_dim ${fmtInt(model.out_dim)}: the last layer alone is ${fmtInt(macs)} multiply-adds per example, for student and teacher, every step — hours on one CPU core. The paper uses 65,536 on GPUs; a few thousand keep the softmax wide here.`,
        fixes: [
          {
            title: 'Use 1,024',
            edits: [{ kind: 'setValue', path: ['model', 'out_dim'], value: 1024 }],
            preferred: true,
          },
        ],
      },
    ];
  },
};

const probeEvery: Rule = {
  code: 'random-teachers/probe-every',
  title: 'Probe during distillation, not only at its end',
  source: `${CODE} configuration.py (--probe_every 1 epoch)`,
  check({ probe, distill }) {
    if (probe.every <= distill.steps) return [];
    return [
      {
        path: ['probe', 'every'],
        target: 'value',
        severity: 'warning',
        message: `probe.every (${probe.every}) is longer than distillation (${distill.steps} steps): only the start and the end are probed, so the curve shows no dynamics.`,
        fixes: [
          {
            title: `Probe every ${Math.max(1, Math.round(distill.steps / 6))} steps`,
            edits: [{ kind: 'setValue', path: ['probe', 'every'], value: Math.max(1, Math.round(distill.steps / 6)) }],
          },
        ],
      },
    ];
  },
};

export const rules: Rule[] = [zeroGradient, sharpening, farOnly, probeSize, outDim, probeEvery, ...imageDataRules];
