/**
 * What Zelikman et al. report: the paper is a proof of concept (abstract) without a table of results;
 * the code's defaults are in setting.ts. The claim is relative: one byte per projected gradient
 * costs little beside float32, at a tiny fraction of a full gradient's bytes.
 */
import type { ReferenceNumber } from '../../core/figures/spec';

export const references: ReferenceNumber[] = [
  {
    id: 'obs-one-byte',
    label: 'machines exchange single-byte projected gradients: highly communication efficient',
    source: 'Zelikman et al. 2023, abstract',
    confirmed: true,
  },
  {
    id: 'obs-no-op',
    label: 'the official code computes the one-byte value but sends the float (its --one_byte path is a no-op)',
    source: 'ezelikman/justonebyte app.py update_weights (`restored_grad` is never used)',
    confirmed: true,
    note: "Read in the code snapshot fetched for this reproduction; so the paper's experiments may not have quantized at all.",
  },
];
