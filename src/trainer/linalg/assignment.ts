/**
 * The linear assignment problem: given an n×m cost matrix (n ≤ m), pick one distinct column per row
 * so that the summed cost is minimal. Weight matching (Ainsworth et al.'s git re-basin, Ito et al.)
 * solves one of these per hidden layer; tfjs has no solver, so this is a shortest-augmenting-path
 * Hungarian method with row/column potentials (the Jonker–Volgenant formulation), O(n²·m).
 *
 * Pure TypeScript, no dependencies: usable by the trainer, the CLI and tests alike.
 */

export interface Assignment {
  /** `rowToCol[i]` = the column given to row i. */
  rowToCol: Int32Array;
  /** Sum of the chosen entries of the ORIGINAL matrix (not of the negated one when maximizing). */
  total: number;
}

/**
 * Minimum-cost assignment. `cost` is row-major with `rows * cols` entries.
 * Throws a RangeError with a plain message for shapes or values it cannot solve (callers are
 * recipes, which turn it into a failed run with the reason).
 */
export function solveAssignment(cost: ArrayLike<number>, rows: number, cols: number): Assignment {
  checkInput(cost, rows, cols);
  const n = rows;
  const m = cols;
  // 1-based indexing with a virtual column 0 keeps the augmenting-path bookkeeping branch-free.
  const u = new Float64Array(n + 1);
  const v = new Float64Array(m + 1);
  const rowOfCol = new Int32Array(m + 1); // 0 = column free
  const prevCol = new Int32Array(m + 1);
  const minSlack = new Float64Array(m + 1);
  const visited = new Uint8Array(m + 1);

  for (let i = 1; i <= n; i++) {
    rowOfCol[0] = i;
    let col0 = 0;
    minSlack.fill(Infinity);
    visited.fill(0);
    // Grow a tree of tight edges from row i until it reaches a free column (Dijkstra on reduced costs).
    do {
      visited[col0] = 1;
      const row0 = rowOfCol[col0];
      let delta = Infinity;
      let col1 = 0;
      const base = (row0 - 1) * m;
      for (let j = 1; j <= m; j++) {
        if (visited[j]) continue;
        const reduced = cost[base + j - 1] - u[row0] - v[j];
        if (reduced < minSlack[j]) {
          minSlack[j] = reduced;
          prevCol[j] = col0;
        }
        if (minSlack[j] < delta) {
          delta = minSlack[j];
          col1 = j;
        }
      }
      // Shift potentials so the cheapest frontier edge becomes tight, keeping all others feasible.
      for (let j = 0; j <= m; j++) {
        if (visited[j]) {
          u[rowOfCol[j]] += delta;
          v[j] -= delta;
        } else {
          minSlack[j] -= delta;
        }
      }
      col0 = col1;
    } while (rowOfCol[col0] !== 0);
    // Flip the augmenting path back to the root.
    do {
      const col1 = prevCol[col0];
      rowOfCol[col0] = rowOfCol[col1];
      col0 = col1;
    } while (col0 !== 0);
  }

  const rowToCol = new Int32Array(n);
  for (let j = 1; j <= m; j++) if (rowOfCol[j] !== 0) rowToCol[rowOfCol[j] - 1] = j - 1;
  let total = 0;
  for (let i = 0; i < n; i++) total += cost[i * m + rowToCol[i]];
  return { rowToCol, total };
}

/** Maximum-weight assignment (what weight matching wants: the most similar pairing of units). */
export function solveAssignmentMax(weight: ArrayLike<number>, rows: number, cols: number): Assignment {
  checkInput(weight, rows, cols);
  const negated = new Float64Array(rows * cols);
  for (let k = 0; k < negated.length; k++) negated[k] = -weight[k];
  const { rowToCol } = solveAssignment(negated, rows, cols);
  let total = 0;
  for (let i = 0; i < rows; i++) total += weight[i * cols + rowToCol[i]];
  return { rowToCol, total };
}

function checkInput(cost: ArrayLike<number>, rows: number, cols: number): void {
  if (!Number.isInteger(rows) || !Number.isInteger(cols) || rows < 0 || cols < 0) {
    throw new RangeError(`assignment: rows and cols must be non-negative integers (got ${rows}×${cols})`);
  }
  if (rows > cols) {
    throw new RangeError(
      `assignment: needs at least as many columns as rows (got ${rows}×${cols}); transpose the matrix`,
    );
  }
  if (cost.length !== rows * cols) {
    throw new RangeError(`assignment: expected ${rows * cols} entries for ${rows}×${cols}, got ${cost.length}`);
  }
  for (let k = 0; k < cost.length; k++) {
    if (!Number.isFinite(cost[k])) {
      throw new RangeError(
        `assignment: entry ${k} (row ${Math.floor(k / cols)}, col ${k % cols}) is ${cost[k]}; all costs must be finite`,
      );
    }
  }
}
