/** What the noisy-label local clustering setting implies across keys (Back de Luca et al. 2024, §2–3). */
import type { PaperRule, RuleFinding } from '../../core/paper';
import type { LgcConfig } from './schema';

type Rule = PaperRule<LgcConfig>;

const PAPER = 'Back de Luca, Fountoulakis & Yang, ICLR 2024';

export const clusterDenser: Rule = {
  code: 'local-graph-clustering/cluster-denser-inside',
  title: 'The target cluster must be denser inside than across (p > q)',
  source: `${PAPER}, §3: the random model has edges inside K with probability p and across with q < p`,
  check({ graph: { p_in: p, p_out: q } }) {
    if (p > q) return [];
    return [
      {
        path: ['graph', 'p_out'],
        target: 'value',
        severity: 'warning',
        message: `p_out (${q}) is not below p_in (${p}): the blocks are not clusters, so no diffusion can find K and every method sits at chance.`,
        fixes: [
          { title: 'Set p_out to p_in / 25', edits: [{ kind: 'setValue', path: ['graph', 'p_out'], value: p / 25 }] },
        ],
      },
    ];
  },
};

export const epsilonBelowOne: Rule = {
  code: 'local-graph-clustering/epsilon-below-one',
  title: 'ε < 1, or the weighted graph is the original one',
  source: `${PAPER}, §3: edges not joining two label-1 nodes are down-weighted`,
  check({ labels: { epsilon } }) {
    if (epsilon < 1) return [];
    return [
      {
        path: ['labels', 'epsilon'],
        target: 'value',
        severity: 'warning',
        message:
          'With ε = 1 every edge keeps weight 1: the "weighted" arm is the original graph and the comparison shows nothing.',
        fixes: [
          { title: 'Set epsilon to 0.05', edits: [{ kind: 'setValue', path: ['labels', 'epsilon'], value: 0.05 }] },
        ],
      },
    ];
  },
};

export const massCoversCluster: Rule = {
  code: 'local-graph-clustering/mass-covers-cluster',
  title: 'The source mass must exceed the target cluster’s volume',
  source:
    'Fountoulakis, Wang & Yang, ICML 2020 (ℓ2 flow diffusion): recovery needs source mass larger than vol(K), since each node absorbs at most its degree',
  check({ diffusion: { mass_factor } }) {
    if (mass_factor > 1) return [];
    return [
      {
        path: ['diffusion', 'mass_factor'],
        target: 'value',
        severity: 'warning',
        message: `A source mass of ${mass_factor} × vol(K) cannot fill the target cluster: every node absorbs up to its degree, so the support stays inside part of K and recall stays below ${Math.round(100 * mass_factor)}%.`,
        fixes: [
          {
            title: 'Set mass_factor to 2',
            edits: [{ kind: 'setValue', path: ['diffusion', 'mass_factor'], value: 2 }],
          },
        ],
      },
    ];
  },
};

export const labelsInformative: Rule = {
  code: 'local-graph-clustering/labels-informative',
  title: 'Flip rates of 1/2 or more make the labels uninformative',
  source: `${PAPER}, §3: label accuracy above 1/2 inside and outside K`,
  check({ labels: { flip_rates } }) {
    const out: RuleFinding[] = [];
    flip_rates.forEach((f, i) => {
      if (f > 0.5)
        out.push({
          path: ['labels', 'flip_rates', i],
          target: 'value',
          severity: 'info',
          message: `A flip rate of ${f} makes the labels anti-informative (most labels are wrong): the weighted graph then steers mass away from K.`,
        });
    });
    return out;
  },
};

export const rules: Rule[] = [clusterDenser, epsilonBelowOne, massCoversCluster, labelsInformative];
