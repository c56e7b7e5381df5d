/**
 * The paper registry: every catalog paper, with its definition where one exists. The extension host,
 * the CLI and the trainer resolve `paper:` here and hand `paperRegistry` to core (lint, language
 * service, schema file, estimates), which never imports this folder. No tfjs here: recipes are
 * registered separately in `src/papers/recipes.ts`.
 */
import {
  isImplemented,
  type PaperDefinition,
  type PaperEntry,
  type PaperInfo,
  type PaperRegistry,
} from '../core/paper';
import { CATALOG } from './catalog';
import { closest } from '../core/config/suggest';
import { lotteryTicket } from './lottery-ticket';
import { rethinkingPruning } from './rethinking-pruning';
import { weightMatchingLmc } from './weight-matching-lmc';
import { thresholdout } from './thresholdout';
import { grokkingTickets } from './grokking-tickets';
import { randomPruning } from './random-pruning';
import { trainLonger } from './train-longer';
import { xorBenignGrokking } from './xor-benign-grokking';
import { grokkingLazyRich } from './grokking-lazy-rich';
import { rs2 } from './rs2';
import { unsupervisedPretraining } from './unsupervised-pretraining';
import { nngpScaleMixtures } from './nngp-scale-mixtures';
import { bandlimitedRandomWeights } from './bandlimited-random-weights';
import { randomFeatureAttention } from './random-feature-attention';
import { localityWeightSharing } from './locality-weight-sharing';
import { connectivityRank } from './connectivity-rank';
import { inductiveBias } from './inductive-bias';
import { presto } from './presto';
import { quantileAggregation } from './quantile-aggregation';
import { localGraphClustering } from './local-graph-clustering';
import { denseHebbian } from './dense-hebbian';
import { hammingTextToPattern } from './hamming-text-to-pattern';
import { sensitivitySampling } from './sensitivity-sampling';
import { nupes } from './nupes';
import { mixtureGrowth } from './mixture-growth';
import { weightCompander } from './weight-compander';
import { randomSearchSparse } from './random-search-sparse';
import { issP } from './iss-p';
import { layerLottery } from './layer-lottery';
import { exssnet } from './exssnet';
import { adversarialPowerLaw } from './adversarial-power-law';
import { oneByteSpsa } from './one-byte-spsa';
import { fedau } from './fedau';
import { randomTeachers } from './random-teachers';
import { doublyRobustAt } from './doubly-robust-at';
import { learngeneSws } from './learngene-sws';
import { shrinkmatch } from './shrinkmatch';
import { oscillationFreeQuant } from './oscillation-free-quant';
import { evaLoraInit } from './eva-lora-init';
import { samplingFreeDetection } from './sampling-free-detection';
import { stochasticInterpolants } from './stochastic-interpolants';
import { spuriousDiversification } from './spurious-diversification';
import { continualBinaryMeanfield } from './continual-binary-meanfield';
import { mvpPrompts } from './mvp-prompts';
import { prithviGeospatial } from './prithvi-geospatial';
import { richFeatureConstruction } from './rich-feature-construction';
import { d2nwgWeightDiffusion } from './d2nwg-weight-diffusion';
import { adversarialAdaptiveSampling } from './adversarial-adaptive-sampling';
import { bnnSurrogatesBo } from './bnn-surrogates-bo';
import { monotoneDbm } from './monotone-dbm';
import { datasetDistillationTrajectories } from './dataset-distillation-trajectories';
import { diversityDrivenSynthesis } from './diversity-driven-synthesis';
import { hierarchicalBayesFewshot } from './hierarchical-bayes-fewshot';
import { learningToActivelyLearn } from './learning-to-actively-learn';
import { pvRnn } from './pv-rnn';

/** Papers with a schema and rules. Add a paper: import its definition and list it here. */
const DEFINITIONS = definitions(
  lotteryTicket,
  rethinkingPruning,
  weightMatchingLmc,
  thresholdout,
  grokkingTickets,
  randomPruning,
  trainLonger,
  xorBenignGrokking,
  grokkingLazyRich,
  rs2,
  unsupervisedPretraining,
  nngpScaleMixtures,
  bandlimitedRandomWeights,
  randomFeatureAttention,
  localityWeightSharing,
  connectivityRank,
  inductiveBias,
  presto,
  quantileAggregation,
  localGraphClustering,
  denseHebbian,
  hammingTextToPattern,
  sensitivitySampling,
  nupes,
  mixtureGrowth,
  weightCompander,
  randomSearchSparse,
  issP,
  layerLottery,
  exssnet,
  adversarialPowerLaw,
  oneByteSpsa,
  fedau,
  randomTeachers,
  doublyRobustAt,
  learngeneSws,
  // Schema only (their definitions say which blocks they need, `needs`):
  shrinkmatch,
  oscillationFreeQuant,
  evaLoraInit,
  samplingFreeDetection,
  stochasticInterpolants,
  spuriousDiversification,
  continualBinaryMeanfield,
  mvpPrompts,
  prithviGeospatial,
  richFeatureConstruction,
  d2nwgWeightDiffusion,
  adversarialAdaptiveSampling,
  bnnSurrogatesBo,
  monotoneDbm,
  datasetDistillationTrajectories,
  diversityDrivenSynthesis,
  hierarchicalBayesFewshot,
  learningToActivelyLearn,
  pvRnn,
);

/** Each definition checked against PaperDefinition on its own (an array literal would compare their schema types pairwise). */
function definitions(...defs: PaperDefinition[]): PaperDefinition[] {
  return defs;
}

const byId = new Map<string, PaperEntry>();
for (const info of CATALOG) byId.set(info.id, info);
for (const def of DEFINITIONS) byId.set(def.id, def);

export function getPaper(id: string): PaperEntry | undefined {
  return typeof id === 'string' ? byId.get(id) : undefined;
}

/** Catalog order (tier A first, as in CATALOG.md), definitions in place of their info entries. */
export function allPapers(): PaperEntry[] {
  return CATALOG.map((p) => byId.get(p.id)!);
}

export function implementedPapers(): PaperDefinition[] {
  return allPapers().filter(isImplemented);
}

export function paperIds(): string[] {
  return CATALOG.map((p) => p.id);
}

/** Ids close to an unknown one, best first. Also matches words of the titles ("lottery" → lottery-ticket). */
export function suggestPaperIds(unknown: string, max = 3): string[] {
  const ids = paperIds();
  const direct = closest(unknown, ids, max);
  if (direct.length) return direct;
  const w = String(unknown).toLowerCase();
  if (w.length < 4) return [];
  return CATALOG.filter((p) => p.title.toLowerCase().includes(w) || p.id.includes(w))
    .slice(0, max)
    .map((p) => p.id);
}

/** What core receives: the same lookups as one object (core/paper/types.ts `PaperRegistry`). */
export const paperRegistry: PaperRegistry = {
  get: getPaper,
  all: allPapers,
  implemented: implementedPapers,
  suggest: suggestPaperIds,
};

export { isImplemented };
export type { PaperDefinition, PaperEntry, PaperInfo };
