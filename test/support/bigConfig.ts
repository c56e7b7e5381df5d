// A generated 2,000-line config for the lint benchmark and the YAML-path tests.
import { getPaper, isImplemented } from '../../src/papers/index';

/** The lottery example followed by a `notes:` block of sweep points: nested maps, lists, comments. */
export function generatedConfig(lines = 2000): string {
  const lt = getPaper('lottery-ticket');
  let s = (lt && isImplemented(lt) ? lt.exampleYaml : 'paper: lottery-ticket\n') + 'notes:\n';
  for (let i = 0; s.split('\n').length < lines; i++) {
    s += `  run_${i}:  # sweep point ${i}\n    lr: ${(0.001 * (1 + (i % 7))).toFixed(4)}\n    hidden: [${300 + i}, 100]\n    tags:\n      - seed_${i % 5}\n`;
  }
  return s.split('\n').slice(0, lines).join('\n') + '\n';
}
