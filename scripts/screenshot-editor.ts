// The editor screenshot for the README: a lottery-ticket config with the squiggles the paper's rules
// raise, the Problems panel listing them, and the hover of a key open (its meaning, legal range,
// default and the paper's own value with its source).
//
//   node --import tsx scripts/screenshot-editor.ts [--theme light|dark] [--out docs/screenshots/editor.png]
import { openSession, runScript } from './screenshot-session';

/** The paper's setting with three mistakes a researcher could make (each caught by a rule). */
export const CONFIG = `# The Lottery Ticket Hypothesis (Frankle & Carbin, ICLR 2019)
# LeNet-300-100 on MNIST: winning tickets vs the same masks randomly reinitialised.
paper: lottery-ticket
name: lenet-300-100 imp, rewind to init
seed: 1
data:
  dataset: mnist
  train: 8000
  test: 2000
model:
  arch: mlp
  hidden: [300, 100]
  init: glorot_normal
train:
  optimizer: adam
  lr: 1.2e-3
  batch_size: 60
  iterations: 5000
  eval_every: 100
prune:
  method: imp
  rounds: 7
  target_density: 0.05
  rate: { hidden: 0.2, output: 0.3 }
  rewind_to: 6000
controls: [random_reinit]
`;

const args = process.argv.slice(2);
const opt = (name: string, fallback: string) => (args.includes(name) ? args[args.indexOf(name) + 1] : fallback);
const theme = opt('--theme', 'light') === 'dark' ? 'dark' : 'light';
const out = opt('--out', theme === 'light' ? 'docs/screenshots/editor.png' : 'docs/screenshots/editor-dark.png');

runScript(async () => {
  const s = await openSession({ theme, folderName: 'my-experiments', files: { 'lottery-ticket.exp.yaml': CONFIG } });
  await s.openFile('lottery-ticket.exp.yaml');
  await s.waitForSquiggles(3);
  // The Explorer would only show this one file: its width goes to the Problems panel's messages.
  await s.runCommand('View: Toggle Primary Side Bar Visibility');
  await s.runCommand('View: Toggle Problems');
  await s.page.waitForSelector('.markers-panel .monaco-list-row', { timeout: 20000 });
  // Back to the editor, so the hover belongs to it and nothing else has focus.
  await s.runCommand('View: Focus Active Editor Group');
  await s.hoverToken('lr', /train\.lr/);
  console.log(`saved ${await s.shot(out)}`);
  await s.close();
});
