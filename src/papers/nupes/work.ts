/**
 * The work of a NUPES run: one training, then per bit width and quantizer one evaluation of the test
 * set, plus the data-driven search's layer products on the calibration images (grid points × layers)
 * and the JavaScript quantization at every grid point.
 */
import { ELEMENTWISE_COST, forwardWork, mlpMacs, imageMlpTraining } from '../../core/estimate/work';
import type { NupesConfig } from './schema';

export function nupesWork(c: NupesConfig): number {
  const { sizes, work: train } = imageMlpTraining(c);
  const arms = 1 + c.quant.searches.length;
  const evals = c.quant.bits.length * arms * forwardWork(sizes, c.data.test);
  const driven = c.quant.searches.includes('data_driven')
    ? c.quant.bits.length * (c.quant.grid + 1) * c.quant.calibration * mlpMacs(sizes)
    : 0;
  // Quantizing every weight at every grid point in JavaScript (two Math.pow and a round, ~60 ns):
  // per bit width, once per search, plus the error curves at figure_bits. Measured: without this term
  // the example ran at 3.9 G MAC-eq/s against 7–10 for the other papers of its batch.
  const grid = (c.quant.grid + 1) * mlpMacs(sizes) * 50 * ELEMENTWISE_COST;
  const js = (c.quant.bits.length * c.quant.searches.length + 1) * grid;
  return train + evals + driven + js;
}
