/**
 * RS2's numbers (research notes §8c). The CIFAR-10 values are read off the official time-to-accuracy /
 * ratio plot (ResNet-18, 200 rounds) — a different model and dataset from our MLP on MNIST, shown for
 * the shape of the comparison, not as a target for our absolute accuracy.
 */
import type { ReferenceNumber } from '../../core/figures/spec';

const PLOT =
  'research notes §8(c) [plot]: official RS2 figure, CIFAR-10, ResNet-18, 200 rounds (values ≈, read off the plot)';
const NOTE = 'CIFAR-10 with ResNet-18, not our MNIST MLP: compare the gap between methods, not the level.';

const mark = (id: string, label: string, ratio: number, y: number, method: string): ReferenceNumber => ({
  id,
  label: `${label} (CIFAR-10 ResNet-18)`,
  x: ratio,
  y,
  series: { arm: method },
  source: PLOT,
  confirmed: false,
  note: NOTE,
});

export const references: ReferenceNumber[] = [
  mark('cifar-rs2-1', 'RS2 at r = 1%: ≈52%', 0.01, 0.52, 'rs2'),
  mark('cifar-rs2-5', 'RS2 at r = 5%: ≈87%', 0.05, 0.87, 'rs2'),
  mark('cifar-rs2-10', 'RS2 at r = 10%: ≈92%', 0.1, 0.92, 'rs2'),
  mark('cifar-static-1', 'static subset at r = 1%: ≈36%', 0.01, 0.36, 'static'),
  mark('cifar-static-5', 'static subset at r = 5%: ≈64%', 0.05, 0.64, 'static'),
  mark('cifar-static-10', 'static subset at r = 10%: ≈78%', 0.1, 0.78, 'static'),
  mark('cifar-full', 'full data: ≈95%', 1, 0.95, 'full'),
  {
    id: 'imagenet-10',
    label: 'ImageNet, ResNet-18, r = 10% per round: 66% vs 69% with full data',
    x: 0.1,
    y: 0.66,
    series: { arm: 'rs2' },
    source: 'research notes §8(c): ICLR 2024 abstract (seen on a mirror)',
    confirmed: false,
    note: 'ImageNet, not our task.',
  },
  {
    id: 'cifar-speedup',
    label: 'time-to-accuracy speedup marked on the CIFAR-10 plot: 4.3×',
    y: 4.3,
    source: PLOT,
    confirmed: false,
    note: 'Compared with our speedup in the repro table; not drawn on a chart.',
  },
];
