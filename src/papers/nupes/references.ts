/**
 * What the NUPES paper reports that can be drawn here. Only its abstract and PowerQuant's abstract
 * and Fig. 2 caption could be read (next-batches.md §B16: numbers ✗), so the marks are the papers'
 * qualitative claims placed relative to our own runs, never an invented value.
 */
import type { ReferenceNumber } from '../../core/figures/spec';

export const references: ReferenceNumber[] = [
  {
    id: 'nupes-beats-uniform',
    label: 'power (non-uniform) quantization is more accurate than uniform at low bit widths',
    x: 3,
    relative: { to: { arm: 'uniform' } },
    series: { arm: 'power_data_free' },
    source: 'NUPES abstract (uniform quantization "ill-suited" to bell-shaped weights); PowerQuant abstract',
    confirmed: false,
    note: 'A direction, not a number: the papers report ImageNet/LLM tables we could not read. The mark sits on our uniform quantizer at 3 bits; the claim is that the power quantizer lands above it.',
  },
  {
    id: 'powerquant-a-below-1',
    label: 'the reconstruction error is minimised at an exponent a < 1',
    x: 1,
    source: 'PowerQuant (ICLR 2023), Fig. 2 caption, as quoted by a review of the paper',
    confirmed: false,
    note: 'Drawn as the line a = 1: the curves should reach their minimum to its left.',
  },
];
