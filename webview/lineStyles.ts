/**
 * Dash patterns, markers and which line gets which: pure (no DOM), so unit tests can import it.
 * Colours themselves come from theme.ts's palette; this file only picks indices into it.
 */

export const DASHES: number[][] = [[], [7, 4], [2, 3], [10, 3, 2, 3], [4, 2, 1, 2, 1, 2], [1, 5]];
export const MARKERS = ['circle', 'rect', 'triangle', 'rectRot', 'crossRot', 'star', 'rectRounded'] as const;

/** Arms that are "the method" get solid lines; controls get dashes, in this order. */
const MAIN_ARMS = ['ticket', 'winning_ticket', 'dense', 'main'];

/**
 * Assigns each line its colour, dash and marker. Colour follows the line's tags other than `arm`
 * (and its run group), so a ticket and its reinitialised copy at the same density share a colour and
 * differ by dash; run groups differ by marker and by colour. When the lines differ by nothing but
 * their arm (grokking-tickets' five arms of one run), colour follows the arm too: two "main" arms
 * (dense and ticket) would otherwise be the same solid line in the same colour.
 */
/**
 * One index per arm, kept for the whole page: every chart then draws an arm with the same dash (and,
 * where colour follows the arm, the same colour), even a chart where some arms have no line.
 * The first main arm gets 0 (solid); every other arm, a second main one included, the next index.
 */
export class ArmIndex {
  private readonly arms = new Map<string, number>();

  of(arm: string): number {
    let i = this.arms.get(arm);
    if (i !== undefined) return i;
    const solidTaken = [...this.arms.values()].includes(0);
    i = MAIN_ARMS.includes(arm) && !solidTaken ? 0 : this.arms.size + (solidTaken ? 0 : 1);
    this.arms.set(arm, i);
    return i;
  }
}

/** The dashboard page's arms. */
export const PAGE_ARMS = new ArmIndex();

export class StyleAssigner {
  private colourKeys = new Map<string, number>();
  private readonly byArm: boolean;

  constructor(
    lines: { group: number; tags: Record<string, unknown> }[] = [],
    private readonly arms: ArmIndex = PAGE_ARMS,
  ) {
    const keys = new Set(lines.map((l) => colourKey(l.group, l.tags, false)));
    this.byArm = keys.size === 1 && new Set(lines.map((l) => l.tags.arm)).size > 1;
  }

  colourIndex(group: number, tags: Record<string, unknown>): number {
    if (this.byArm && tags.arm !== undefined) return this.arms.of(String(tags.arm));
    const key = colourKey(group, tags, false);
    let i = this.colourKeys.get(key);
    if (i === undefined) this.colourKeys.set(key, (i = this.colourKeys.size));
    return i;
  }

  dashIndex(arm: unknown): number {
    return arm === undefined ? 0 : this.arms.of(String(arm)) % DASHES.length;
  }
}

function colourKey(group: number, tags: Record<string, unknown>, withArm: boolean): string {
  const rest = Object.keys(tags)
    .filter((k) => withArm || k !== 'arm')
    .sort()
    .map((k) => `${k}=${String(tags[k])}`)
    .join(',');
  return `${group}|${rest}`;
}
