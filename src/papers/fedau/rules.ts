/** What the fedau setting implies across fields, each rule citing the paper or its official code. */
import type { PaperRule } from '../../core/paper';
import { fmtInt, imageDataRules, pct } from '../common/rules';
import type { FedauConfig } from './schema';

type Rule = PaperRule<FedauConfig>;

const CODE = 'IBM/fedau';
const ABSTRACT = 'Wang & Ji 2024, abstract';

const cutoffShort: Rule = {
  code: 'fedau/cutoff-below-interval',
  title: "K must exceed the rarest client's mean interval",
  source: `${CODE} main.py (an interval is closed at K rounds without participation: weights are capped at K); config.py -k-adaptive`,
  check({ fed }) {
    const longest = 1 / fed.participation_min;
    if (fed.cutoff >= longest) return [];
    return [
      {
        path: ['fed', 'cutoff'],
        target: 'value',
        severity: 'warning',
        message: `K = ${fed.cutoff} rounds, but a client at the floor p = ${fed.participation_min} participates every ${Math.round(longest)} rounds on average: its intervals are cut at ${fed.cutoff}, so FedAU weights it ≈ ${fed.cutoff} instead of ≈ ${Math.round(longest)} (the bias K trades for faster adaptation).`,
        fixes: [
          {
            title: `Use K = ${Math.ceil(2 * longest)}`,
            edits: [{ kind: 'setValue', path: ['fed', 'cutoff'], value: Math.ceil(2 * longest) }],
            preferred: true,
          },
        ],
      },
    ];
  },
};

const fewRounds: Rule = {
  code: 'fedau/few-rounds',
  title: 'Enough rounds for rare clients to be estimated',
  source: `${ABSTRACT} ("online estimates of the optimal weights"); ${CODE} main.py (the weight is the mean of the closed intervals)`,
  check({ fed }) {
    const visits = fed.rounds * fed.participation_min;
    if (visits >= 5) return [];
    const need = Math.ceil(5 / fed.participation_min);
    return [
      {
        path: ['fed', 'rounds'],
        target: 'value',
        severity: 'warning',
        message: `In ${fmtInt(fed.rounds)} rounds a client at p = ${fed.participation_min} participates about ${visits.toFixed(1)} times: FedAU's estimate of its 1/p rests on that many intervals (a client with none yet gets weight 1). ${fmtInt(need)} rounds give the rarest clients 5 participations.`,
        fixes: [
          { title: `Run ${fmtInt(need)} rounds`, edits: [{ kind: 'setValue', path: ['fed', 'rounds'], value: need }] },
        ],
      },
    ];
  },
};

const baseline: Rule = {
  code: 'fedau/missing-fedavg',
  title: 'FedAU is compared with FedAvg',
  source: `${ABSTRACT} ("FedAvg with non-optimal aggregation weights can diverge from the optimal solution"); ${CODE} README (average_participating runs)`,
  check({ arms }) {
    if (!arms.includes('fedau') || arms.includes('average_participating')) return [];
    return [
      {
        path: ['arms'],
        severity: 'warning',
        message:
          "No `average_participating` arm (FedAvg over the participants): the paper's claim is FedAU's gain over it.",
        fixes: [
          {
            title: 'Add average_participating',
            edits: [{ kind: 'setValue', path: ['arms'], value: [...arms, 'average_participating'] }],
            preferred: true,
          },
        ],
      },
    ];
  },
};

const oracle: Rule = {
  code: 'fedau/missing-oracle',
  title: 'The known-probability oracle shows how close FedAU gets',
  source: `${CODE} main.py / README (known_prob: weights 1/p with p known)`,
  check({ arms }) {
    if (!arms.includes('fedau') || arms.includes('known_prob')) return [];
    return [
      {
        path: ['arms'],
        severity: 'info',
        message: "No `known_prob` arm: the oracle that knows each p is what FedAU's online estimate approaches.",
        fixes: [
          { title: 'Add known_prob', edits: [{ kind: 'setValue', path: ['arms'], value: [...arms, 'known_prob'] }] },
        ],
      },
    ];
  },
};

const homogeneous: Rule = {
  code: 'fedau/floor-above-mean',
  title: 'A floor above the mean makes participation homogeneous',
  source: `${CODE} util.py data_participation_each_node (p = max(min, mix·u·mean·classes))`,
  check({ fed }) {
    if (fed.participation_min < fed.participation_mean) return [];
    return [
      {
        path: ['fed', 'participation_min'],
        target: 'value',
        severity: 'warning',
        message: `participation_min (${pct(fed.participation_min)}) is not below the mean (${pct(fed.participation_mean)}): most clients sit at the floor, participation is nearly uniform, and there is no unknown heterogeneity for FedAU to correct.`,
        fixes: [
          {
            title: 'Floor at 0.02',
            edits: [{ kind: 'setValue', path: ['fed', 'participation_min'], value: 0.02 }],
            preferred: true,
          },
        ],
      },
    ];
  },
};

const iid: Rule = {
  code: 'fedau/iid-data',
  title: 'With near-IID clients the weighting barely matters',
  source: `${CODE} config.py (-data-dirichlet-alpha 0.1); ${ABSTRACT} (the bias comes from clients' diverse participation over heterogeneous data)`,
  check({ fed }) {
    if (fed.data_alpha < 10) return [];
    return [
      {
        path: ['fed', 'data_alpha'],
        target: 'value',
        severity: 'info',
        message: `data_alpha = ${fed.data_alpha} gives every client nearly the same label mix: all weightings then optimise nearly the same objective and the comparison shows little. The paper's code uses 0.1.`,
      },
    ];
  },
};

const tinyClients: Rule = {
  code: 'fedau/client-data',
  title: 'Clients must hold data',
  source: `${CODE} main.py (each participant samples minibatches of its own split)`,
  check({ fed, data }) {
    const per = data.train / fed.clients;
    if (per >= fed.batch_size) return [];
    return [
      {
        path: ['fed', 'clients'],
        target: 'value',
        severity: 'warning',
        message: `${fmtInt(data.train)} examples over ${fmtInt(fed.clients)} clients is ${per.toFixed(1)} per client on average, less than a batch of ${fed.batch_size}; with Dirichlet shares many clients will hold a handful or none.`,
      },
    ];
  },
};

export const rules: Rule[] = [
  cutoffShort,
  fewRounds,
  baseline,
  oracle,
  homogeneous,
  iid,
  tinyClients,
  ...imageDataRules,
];
