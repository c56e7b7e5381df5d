/*
 * Paperlab's own float32 kernels for tfjs' WebAssembly backend, compiled with clang to wasm32 + SIMD128
 * (build.mjs beside this file). The module imports tfjs' own memory, so every pointer here is a tensor's
 * offset in tfjs' heap: no copies in or out.
 *
 * Rules this file keeps, checked by test/unit/wasmKernels.test.ts and wasmConvKernels.test.ts on the built
 * module:
 *   - no static data and no shadow stack: the module owns no memory, it only reads and writes the buffers
 *     it is handed. The linker still defines a stack pointer (at 64 KB, inside tfjs' heap), so a function
 *     that spills an array to a stack frame would write there: keep tiles in named registers (build.mjs
 *     rejects a module that reads the stack pointer; the tests run the kernels on a memory filled with a
 *     pattern and check that nothing else changed);
 *   - no libc: loops only;
 *   - a fixed order of operations for each output (no threads, no data-dependent order), so the same
 *     inputs always give the same bits; the optimizer updates do exactly the float32 operations the
 *     tfjs ops they replace did, in the same order, so they are bit-identical to them.
 */
#include <wasm_simd128.h>

typedef float f32;
typedef v128_t f32x4;

#define EXPORT(name) __attribute__((export_name(#name))) __attribute__((visibility("default")))
#define LOAD(p) wasm_v128_load(p)
#define STORE(p, v) wasm_v128_store((p), (v))
#define SPLAT(p) wasm_v128_load32_splat(p)
#define MADD(acc, a, b) wasm_f32x4_add((acc), wasm_f32x4_mul((a), (b)))

/*
 * Loads and stores of the first w lanes (1 ≤ w ≤ 4; w ≥ 4 is a whole vector), for a tile whose last
 * columns run past a narrow matrix (6 output channels): the missing lanes read as 0 and are never
 * written, so nothing outside the matrix is touched. The partial store is lane by lane with constant
 * lane numbers: a store of a variable number of lanes made clang put the vector in a stack frame.
 */
static inline f32x4 load_lanes(const f32 *p, int w) {
  if (w >= 4) return LOAD(p);
  if (w <= 0) return wasm_f32x4_splat(0.0f);
  if (w == 1) return wasm_v128_load32_zero(p);
  f32x4 v = wasm_v128_load64_zero(p);
  return w == 2 ? v : wasm_v128_load32_lane(p + 2, v, 2);
}

static inline void store_lanes(f32 *p, f32x4 v, int w) {
  if (w >= 4) {
    STORE(p, v);
    return;
  }
  if (w >= 3) p[2] = wasm_f32x4_extract_lane(v, 2);
  if (w >= 2) p[1] = wasm_f32x4_extract_lane(v, 1);
  if (w >= 1) p[0] = wasm_f32x4_extract_lane(v, 0);
}

/*
 * Calls CALL(W) with the width w (1 ≤ w ≤ 7) as a literal, so that in an always-inlined tile the
 * load_lanes / store_lanes of a narrow last column tile fold to fixed loads and stores. With the width
 * a variable, every load in the inner loop branched on it: LeNet-5's first conv (6 output channels, all
 * in the narrow tile) ran its forward pass ~3× slower than its 16-channel second conv per product.
 */
#define WITH_CONST_WIDTH(w, CALL)                                                                                \
  switch (w) {                                                                                                   \
  case 1: CALL(1); break;                                                                                        \
  case 2: CALL(2); break;                                                                                        \
  case 3: CALL(3); break;                                                                                        \
  case 4: CALL(4); break;                                                                                        \
  case 5: CALL(5); break;                                                                                        \
  case 6: CALL(6); break;                                                                                        \
  default: CALL(7); break;                                                                                       \
  }

/* ---------------------------------------------------------------------------------------------------
 * GEMM: C[i, j] = sum over k (in order k = 0, 1, …) of a(i, k) · B[k·ldb + j], with
 * a(i, k) = A[i·sai + k·sak] (sai = lda, sak = 1 for A; sai = 1, sak = lda for Aᵀ). B is read along
 * rows (its transposed case is packed into that form first, see gemm). A tile of MR rows × NV·4
 * columns of C lives in registers for the whole k loop (4 × 8 measured fastest here: 4 × 12 is ~15%
 * slower, its 12 accumulators plus operands crowd the 16 SIMD registers V8 uses); columns are the outer loop so the panel of B
 * a tile reads (K × NV·4 floats) stays in cache while every row tile of A passes over it.
 */
#define TILE(MR, NV)                                                                                             \
  static inline void tile_##MR##x##NV(int K, const f32 *A, int sai, int sak, const f32 *B, int ldb, f32 *C,      \
                                      int ldc, int accumulate) {                                                \
    f32x4 acc[MR][NV];                                                                                           \
    _Pragma("clang loop unroll(full)") for (int r = 0; r < MR; r++) _Pragma("clang loop unroll(full)") for (     \
        int v = 0; v < NV; v++) acc[r][v] = accumulate ? LOAD(C + r * ldc + 4 * v) : wasm_f32x4_splat(0.0f);     \
    for (int k = 0; k < K; k++) {                                                                                \
      const f32 *b = B + k * ldb;                                                                                \
      f32x4 bv[NV];                                                                                              \
      _Pragma("clang loop unroll(full)") for (int v = 0; v < NV; v++) bv[v] = LOAD(b + 4 * v);                   \
      _Pragma("clang loop unroll(full)") for (int r = 0; r < MR; r++) {                                          \
        f32x4 a = SPLAT(A + r * sai + k * sak);                                                                  \
        _Pragma("clang loop unroll(full)") for (int v = 0; v < NV; v++) acc[r][v] = MADD(acc[r][v], a, bv[v]);   \
      }                                                                                                          \
    }                                                                                                            \
    _Pragma("clang loop unroll(full)") for (int r = 0; r < MR; r++) _Pragma("clang loop unroll(full)") for (     \
        int v = 0; v < NV; v++) STORE(C + r * ldc + 4 * v, acc[r][v]);                                           \
  }

TILE(4, 2)
TILE(1, 2)
TILE(4, 1)
TILE(1, 1)

/*
 * Columns past the last full tile: they are copied, zero-padded to a tile's width (4, or 8 when more
 * than 4 remain), into `pad` (K·8 floats), and tiles are computed into `out` (4·8 floats) and copied
 * back. The padding only adds zero columns, so the sums of the real columns are the ones a wider
 * tile makes.
 */
static void tail_columns(int M, int N, int K, int j0, const f32 *A, int sai, int sak, const f32 *B, int ldb, f32 *C,
                         int ldc, int accumulate, f32 *pad, f32 *out) {
  int w = N - j0;
  int W = w > 4 ? 8 : 4;
  for (int k = 0; k < K; k++)
    for (int c = 0; c < W; c++) pad[k * W + c] = c < w ? B[k * ldb + j0 + c] : 0.0f;
  for (int i = 0; i < M; i += 4) {
    int rows = M - i < 4 ? M - i : 4;
    for (int r = 0; r < rows; r++)
      for (int c = 0; c < W; c++) out[r * W + c] = accumulate && c < w ? C[(i + r) * ldc + j0 + c] : 0.0f;
    if (rows == 4 && W == 8)
      tile_4x2(K, A + i * sai, sai, sak, pad, W, out, W, accumulate);
    else if (rows == 4)
      tile_4x1(K, A + i * sai, sai, sak, pad, W, out, W, accumulate);
    else if (W == 8)
      for (int r = 0; r < rows; r++) tile_1x2(K, A + (i + r) * sai, sai, sak, pad, W, out + r * W, W, accumulate);
    else
      for (int r = 0; r < rows; r++) tile_1x1(K, A + (i + r) * sai, sai, sak, pad, W, out + r * W, W, accumulate);
    for (int r = 0; r < rows; r++)
      for (int c = 0; c < w; c++) C[(i + r) * ldc + j0 + c] = out[r * W + c];
  }
}

/*
 * The k axis is cut into blocks of KC so the panel of B a column block reads stays in the L1 cache
 * while all row tiles pass over it. A later block starts from the partial sums the earlier ones stored
 * and keeps adding in k order: the same additions in the same order as one unblocked pass.
 */
#define KC 256

static void gemm_strided_a(int M, int N, int K, const f32 *A, int sai, int sak, const f32 *B, int ldb, f32 *C,
                           int ldc, f32 *pad) {
  for (int k0 = 0; k0 < K; k0 += KC) {
    int kc = K - k0 < KC ? K - k0 : KC;
    int acc = k0 > 0;
    const f32 *Ak = A + k0 * sak;
    const f32 *Bk = B + k0 * ldb;
    int j = 0;
    for (; j + 8 <= N; j += 8) {
      int i = 0;
      for (; i + 4 <= M; i += 4) tile_4x2(kc, Ak + i * sai, sai, sak, Bk + j, ldb, C + i * ldc + j, ldc, acc);
      for (; i < M; i++) tile_1x2(kc, Ak + i * sai, sai, sak, Bk + j, ldb, C + i * ldc + j, ldc, acc);
    }
    if (N - j == 4) {
      int i = 0;
      for (; i + 4 <= M; i += 4) tile_4x1(kc, Ak + i * sai, sai, sak, Bk + j, ldb, C + i * ldc + j, ldc, acc);
      for (; i < M; i++) tile_1x1(kc, Ak + i * sai, sai, sak, Bk + j, ldb, C + i * ldc + j, ldc, acc);
    } else if (j < N)
      tail_columns(M, N, kc, j, Ak, sai, sak, Bk, ldb, C, ldc, acc, pad, pad + KC * 8);
  }
}

/* ---------------------------------------------------------------------------------------------------
 * The same products when op(A) is mostly exact zeros: MNIST digits are 81% zero pixels, and a ReLU
 * layer's outputs (and the gradients it passes back) are often half zero. A term a(i, k) · B[k, j] with
 * a(i, k) = ±0 is ±0 (for finite B), and leaving it out of the sum changes no bit: the sum starts at +0,
 * +0 + ±0 = +0, s + ±0 = s for s ≠ 0, and an exact cancellation gives +0 (never −0) in round-to-nearest;
 * so the accumulator is never −0 and each skipped term would have left it as it was. The other terms are
 * added in the same k order as the dense tiles add them, so both paths give the same bits for every
 * finite B (a B holding ±Inf or NaN would have made 0 · B = NaN in the dense sum; a weight that is
 * already Inf or NaN has wrecked the run either way).
 *
 * Each row of op(A) is first compressed to its nonzeros in k order, (kidx, val), row i's from
 * start[i] to start[i + 1]; a row of C is then NV·4 columns in registers at a time, each nonzero adding
 * one row of B. Columns are the outer loop (within a block of k, see gemm_sparse_a), so a panel of B
 * (KC × 32 floats) is read by every row of C while it is in cache.
 */

/* op(A)'s nonzeros, row by row; returns how many. Branch-free: every value is written, only nonzeros advance. */
static int compress_rows(int M, int K, const f32 *A, int sai, int sak, int *start, int *kidx, f32 *val) {
  int n = 0;
  for (int i = 0; i < M; i++) {
    start[i] = n;
    const f32 *a = A + i * sai;
    for (int k = 0; k < K; k++) {
      f32 v = a[k * sak];
      kidx[n] = k;
      val[n] = v;
      n += v != 0.0f; /* NaN counts as nonzero: it still reaches C */
    }
  }
  start[M] = n;
  return n;
}

#define SPARSE_ROW(NV)                                                                                           \
  static inline void sparse_row_##NV(int n, const int *kidx, const f32 *val, const f32 *B, int ldb, f32 *C,      \
                                     int accumulate) {                                                           \
    f32x4 acc[NV];                                                                                               \
    _Pragma("clang loop unroll(full)") for (int v = 0; v < NV; v++) acc[v] =                                     \
        accumulate ? LOAD(C + 4 * v) : wasm_f32x4_splat(0.0f);                                                   \
    for (int t = 0; t < n; t++) {                                                                                \
      f32x4 a = wasm_f32x4_splat(val[t]);                                                                        \
      const f32 *b = B + kidx[t] * ldb;                                                                          \
      _Pragma("clang loop unroll(full)") for (int v = 0; v < NV; v++) acc[v] = MADD(acc[v], a, LOAD(b + 4 * v)); \
    }                                                                                                            \
    _Pragma("clang loop unroll(full)") for (int v = 0; v < NV; v++) STORE(C + 4 * v, acc[v]);                    \
  }

SPARSE_ROW(8)
SPARSE_ROW(4)
SPARSE_ROW(2)
SPARSE_ROW(1)

/*
 * k is cut into blocks of KC, as in the dense path, so the rows of B a block reads (KC × 32 floats for
 * a column block) stay in the L1 cache while every row of C passes over them: row i's nonzeros of the
 * block are lo[i] … hi[i] − 1 of its list. A later block starts from the partial sums the earlier ones
 * stored, so the additions and their order are those of one pass.
 */
static void gemm_sparse_a(int M, int N, int K, const int *start, const int *kidx, const f32 *val, const f32 *B,
                          int ldb, f32 *C, int ldc, int *lo, int *hi) {
  for (int i = 0; i < M; i++) lo[i] = start[i];
  for (int k0 = 0; k0 < K; k0 += KC) {
    int accumulate = k0 > 0;
    for (int i = 0; i < M; i++) {
      int t = lo[i];
      while (t < start[i + 1] && kidx[t] < k0 + KC) t++;
      hi[i] = t;
    }
    int j = 0;
#define ROWS(NV)                                                                                                 \
  for (; j + 4 * NV <= N; j += 4 * NV)                                                                           \
    for (int i = 0; i < M; i++)                                                                                  \
      sparse_row_##NV(hi[i] - lo[i], kidx + lo[i], val + lo[i], B + j, ldb, C + i * ldc + j, accumulate);
    ROWS(8)
    ROWS(4)
    ROWS(2)
    ROWS(1)
#undef ROWS
    for (; j < N; j++)
      for (int i = 0; i < M; i++) {
        f32 s = accumulate ? C[i * ldc + j] : 0.0f;
        for (int t = lo[i]; t < hi[i]; t++) s = s + val[t] * B[kidx[t] * ldb + j];
        C[i * ldc + j] = s;
      }
    for (int i = 0; i < M; i++) lo[i] = hi[i];
  }
}

/*
 * Above this share of nonzeros the dense tiles are faster (they share each load of B among 4 rows);
 * measured on LeNet-300-100's products (scripts/explore/gemm-sparse.ts). Either path gives the same bits,
 * so the choice only decides the speed.
 */
#ifndef SPARSE_BELOW /* scripts/explore/gemm-sparse.ts builds with it set, to time each path alone */
#define SPARSE_BELOW 0.6f
#endif

/*
 * Bᵀ[K, N] from B[N, K], into scratch: 4 × 4 blocks through registers (element by element, every
 * store went to another cache line: ~0.1 ms for LeNet-300-100's 300 × 100 W2, each step), then the
 * edges one by one. Moves bits only.
 */
static void transpose(int rows, int cols, const f32 *src, f32 *dst) {
  int r = 0;
  for (; r + 4 <= rows; r += 4) {
    int c = 0;
    for (; c + 4 <= cols; c += 4) {
      const f32 *s = src + r * cols + c;
      f32x4 a = LOAD(s), b = LOAD(s + cols), e = LOAD(s + 2 * cols), f = LOAD(s + 3 * cols);
      f32x4 ab_lo = wasm_i32x4_shuffle(a, b, 0, 4, 1, 5), ab_hi = wasm_i32x4_shuffle(a, b, 2, 6, 3, 7);
      f32x4 ef_lo = wasm_i32x4_shuffle(e, f, 0, 4, 1, 5), ef_hi = wasm_i32x4_shuffle(e, f, 2, 6, 3, 7);
      f32 *d = dst + c * rows + r;
      STORE(d, wasm_i64x2_shuffle(ab_lo, ef_lo, 0, 2));
      STORE(d + rows, wasm_i64x2_shuffle(ab_lo, ef_lo, 1, 3));
      STORE(d + 2 * rows, wasm_i64x2_shuffle(ab_hi, ef_hi, 0, 2));
      STORE(d + 3 * rows, wasm_i64x2_shuffle(ab_hi, ef_hi, 1, 3));
    }
    for (; c < cols; c++)
      for (int i = 0; i < 4; i++) dst[c * rows + r + i] = src[(r + i) * cols + c];
  }
  for (; r < rows; r++)
    for (int c = 0; c < cols; c++) dst[c * rows + r] = src[r * cols + c];
}

/*
 * Rows of op(A) compressed at a time: as many as hold SPARSE_ENTRIES entries (at least 1), so the
 * nonzero lists need a bounded scratch (≤ 512 KB + 8·K bytes) whatever the product's size — an
 * evaluation over 2,000 digits, or a recipe's large matrix. Cutting the rows into blocks changes no sum.
 * gemmScratchBytes in index.ts computes the same block.
 */
#define SPARSE_ENTRIES 65536
static inline int sparse_block_rows(int M, int K) {
  int rows = SPARSE_ENTRIES / K;
  if (rows < 1) rows = 1;
  return rows < M ? rows : M;
}

/*
 * One matrix product of a batch: C[M, N] = op(A) · op(B), op = transpose when the flag is set.
 * A is [M, K] (or [K, M] when transA), B is [K, N] (or [N, K] when transB). `scratch` holds, in order:
 * Bᵀ when transB (K·N floats), the tail columns' padding (256·8 + 32 floats), the nonzeros of a block
 * of R = sparse_block_rows(M, K) rows of op(A) and two cursors a row (R + 1 + 2·R·K + 2·R words):
 * gemmScratchBytes in index.ts.
 * Each block of rows takes the sparse or the dense path by its own share of nonzeros.
 */
EXPORT(gemm)
void gemm(int M, int N, int K, const f32 *A, int transA, const f32 *B, int transB, f32 *C, f32 *scratch) {
  if (K == 0) { /* an empty sum: C is zeros (the tiles below would leave it as tfjs allocated it) */
    for (int i = 0; i < M * N; i++) C[i] = 0.0f;
    return;
  }
  f32 *pad = transB ? scratch + K * N : scratch;
  int R = sparse_block_rows(M, K);
  int *start = (int *)(pad + 256 * 8 + 32);
  int *kidx = start + R + 1;
  f32 *val = (f32 *)(kidx + R * K);
  int *lo = (int *)(val + R * K), *hi = lo + R;
  if (transB) {
    transpose(N, K, B, scratch);
    B = scratch;
  }
  int sai = transA ? 1 : K, sak = transA ? M : 1;
  for (int i0 = 0; i0 < M; i0 += R) {
    int rows = M - i0 < R ? M - i0 : R;
    const f32 *Ai = A + i0 * sai;
    int nonzeros = compress_rows(rows, K, Ai, sai, sak, start, kidx, val);
    if ((f32)nonzeros < SPARSE_BELOW * (f32)rows * (f32)K)
      gemm_sparse_a(rows, N, K, start, kidx, val, B, N, C + i0 * N, N, lo, hi);
    else
      gemm_strided_a(rows, N, K, Ai, sai, sak, B, N, C + i0 * N, N, pad);
  }
}

/* ---------------------------------------------------------------------------------------------------
 * Optimizer updates, in place, one pass over each variable. Each replaces a chain of tfjs ops (see
 * optim.ts) and performs the same float32 operations in the same order, so the bits are the same.
 * `mask` may be 0 (no mask); with a mask the gradient is masked first and the new weight is multiplied
 * by the mask last (what applyMasks did after the update).
 *
 * One exception to "the same bits": a first moment (Adam's m, SGD's momentum buffer) below TINY in
 * magnitude becomes exactly 0. Once a weight's gradient stops — a ReLU unit that died, a weight the
 * loss no longer reaches — its moment decays geometrically (×0.9 a step) into float32's subnormal
 * range within a few hundred steps, and on x86 every multiply and divide with a subnormal operand or
 * result takes a microcode assist (~100 cycles). WebAssembly cannot set the CPU's flush-to-zero mode.
 * Measured on LeNet-300-100 (Adam, batch 60, MNIST): the update grew from 0.22 ms a step to ~1.3 ms
 * after 1,000 steps (to 7.3 ms on random data, where the whole net dies). What the flush leaves out of an update is below
 * TINY · lr / (√v + ε): it could move only a weight smaller than ~1e-17 in magnitude, so the weights
 * keep their bits (test/unit/trainer/wasmKernels.test.ts runs 3,000 steps of a dying gradient both ways).
 */
#define TINY 1e-30f
/* v · 0 keeps the sign of a zero (a masked gradient is −0 as often as +0, and the sign carries into the weight). */
static inline f32x4 flush_tiny(f32x4 v) {
  f32x4 tiny = wasm_f32x4_lt(wasm_f32x4_abs(v), wasm_f32x4_splat(TINY));
  return wasm_v128_bitselect(wasm_f32x4_mul(v, wasm_f32x4_splat(0.0f)), v, tiny);
}

/*
 * Both updates are written with vectors, 4 weights at a time, and the last n % 4 as a partial vector
 * (load_lanes / store_lanes): clang had left Adam's loop scalar (the buffers might alias), and it was
 * half of a LeNet-300-100 step. Every lane does the scalar float32 operations in the same order
 * (IEEE multiply, add, divide and square root are exact to the same rounding in a vector), so the
 * bits are those of the scalar loop.
 */
#define V(x) wasm_f32x4_splat(x)

static inline void adam_lanes(int lanes, f32 *w, const f32 *g, f32 *m, f32 *s, const f32 *mask, f32 b1,
                              f32 one_minus_b1, f32 b2, f32 one_minus_b2, f32 step_size, f32 eps_hat, f32 l2,
                              f32 decoupled) {
  f32x4 wi = load_lanes(w, lanes), gi = load_lanes(g, lanes), mk = V(1.0f);
  if (mask) {
    mk = load_lanes(mask, lanes);
    gi = wasm_f32x4_mul(gi, mk);
  }
  if (l2 != 0.0f) gi = wasm_f32x4_add(gi, wasm_f32x4_mul(wi, V(l2)));
  f32x4 nm = flush_tiny(wasm_f32x4_add(wasm_f32x4_mul(load_lanes(m, lanes), V(b1)), wasm_f32x4_mul(gi, V(one_minus_b1))));
  f32x4 ns = wasm_f32x4_add(wasm_f32x4_mul(load_lanes(s, lanes), V(b2)),
                            wasm_f32x4_mul(wasm_f32x4_mul(gi, gi), V(one_minus_b2)));
  store_lanes(m, nm, lanes);
  store_lanes(s, ns, lanes);
  f32x4 upd = wasm_f32x4_div(wasm_f32x4_mul(nm, V(step_size)), wasm_f32x4_add(wasm_f32x4_sqrt(ns), V(eps_hat)));
  if (decoupled != 0.0f) upd = wasm_f32x4_add(upd, wasm_f32x4_mul(wi, V(decoupled)));
  f32x4 nw = wasm_f32x4_sub(wi, upd);
  store_lanes(w, mask ? wasm_f32x4_mul(nw, mk) : nw, lanes);
}

EXPORT(adam_update)
void adam_update(int n, f32 *w, const f32 *g, f32 *m, f32 *s, const f32 *mask, f32 b1, f32 one_minus_b1, f32 b2,
                 f32 one_minus_b2, f32 step_size, f32 eps_hat, f32 l2, f32 decoupled) {
  int i = 0;
  for (; i + 4 <= n; i += 4)
    adam_lanes(4, w + i, g + i, m + i, s + i, mask ? mask + i : 0, b1, one_minus_b1, b2, one_minus_b2, step_size,
               eps_hat, l2, decoupled);
  if (i < n)
    adam_lanes(n - i, w + i, g + i, m + i, s + i, mask ? mask + i : 0, b1, one_minus_b1, b2, one_minus_b2,
               step_size, eps_hat, l2, decoupled);
}

/* SGD with optional L2, momentum (b = μb + g; the first step takes b = g) and Nesterov (g + μb). */
static inline void sgd_lanes(int lanes, f32 *w, const f32 *g, f32 *b, const f32 *mask, f32 lr, f32 l2, f32 mu,
                             int first_step, int nesterov) {
  f32x4 wi = load_lanes(w, lanes), gi = load_lanes(g, lanes), mk = V(1.0f);
  if (mask) {
    mk = load_lanes(mask, lanes);
    gi = wasm_f32x4_mul(gi, mk);
  }
  if (l2 != 0.0f) gi = wasm_f32x4_add(gi, wasm_f32x4_mul(wi, V(l2)));
  if (b) {
    f32x4 nb = flush_tiny(first_step ? gi : wasm_f32x4_add(wasm_f32x4_mul(load_lanes(b, lanes), V(mu)), gi));
    store_lanes(b, nb, lanes);
    gi = nesterov ? wasm_f32x4_add(gi, wasm_f32x4_mul(nb, V(mu))) : nb;
  }
  f32x4 nw = wasm_f32x4_sub(wi, wasm_f32x4_mul(gi, V(lr)));
  store_lanes(w, mask ? wasm_f32x4_mul(nw, mk) : nw, lanes);
}

EXPORT(sgd_update)
void sgd_update(int n, f32 *w, const f32 *g, f32 *b, const f32 *mask, f32 lr, f32 l2, f32 mu, int first_step,
                int nesterov) {
  int i = 0;
  for (; i + 4 <= n; i += 4)
    sgd_lanes(4, w + i, g + i, b ? b + i : 0, mask ? mask + i : 0, lr, l2, mu, first_step, nesterov);
  if (i < n) sgd_lanes(n - i, w + i, g + i, b ? b + i : 0, mask ? mask + i : 0, lr, l2, mu, first_step, nesterov);
}

#undef V

/* ---------------------------------------------------------------------------------------------------
 * Convolution gradients (NHWC, dilation 1). Both are the products over the im2col matrix
 * cols[p, (fy·fw + fx)·C + c] = x[n, oy·sh + fy − pt, ox·sw + fx − pl, c] (zero outside the image), one row
 * per output position p = (n, oy, ox) — dW = colsᵀ · g, dX = col2im(g · Wᵀ) — computed without making
 * that matrix: for LeNet-5's second conv it is 2.4 MB, and writing it and reading it back cost more
 * than the products.
 */

static inline void store_lanes_i32(int *p, v128_t v, int w) {
  if (w >= 4) {
    wasm_v128_store(p, v);
    return;
  }
  if (w >= 3) p[2] = wasm_i32x4_extract_lane(v, 2);
  if (w >= 2) p[1] = wasm_i32x4_extract_lane(v, 1);
  if (w >= 1) p[0] = wasm_i32x4_extract_lane(v, 0);
}

/* x copied into a zeroed [N, Hp, Wp, C] image at row pt, column pl (a 'same' conv's padded input). */
EXPORT(pad_nhwc)
void pad_nhwc(int N, int H, int W, int C, int Hp, int Wp, int pt, int pl, const f32 *x, f32 *xp) {
  for (int i = 0; i < N * Hp * Wp * C; i++) xp[i] = 0.0f;
  for (int n = 0; n < N; n++)
    for (int y = 0; y < H; y++) {
      if (y + pt < 0 || y + pt >= Hp) continue;
      for (int xx = 0; xx < W; xx++) {
        if (xx + pl < 0 || xx + pl >= Wp) continue;
        const f32 *src = x + ((n * H + y) * W + xx) * C;
        f32 *dst = xp + ((n * Hp + y + pt) * Wp + xx + pl) * C;
        for (int c = 0; c < C; c++) dst[c] = src[c];
      }
    }
}

/*
 * Filter gradient straight from the input, without an im2col matrix. Row r = (fy·fw + fx)·C + c of
 * dW[R, outC] is Σ over the output positions p = (n, oy, ox), in order, of x(r, p) · g[p, ·], where
 * x(r, p) = xb[n, oy·sh + fy, ox·sw + fx, c] and xb is an image every tap reads inside (the input itself,
 * or its padded copy: pad_nhwc). These are exactly the products and the order of the GEMM colsᵀ · g it
 * replaces (the im2col matrix held the same values, zeros where the padding is), so dW keeps its bits;
 * what goes is the 2.4 MB matrix written and read back for LeNet-5's second conv.
 *
 * A tile is 4 rows × 8 columns in registers; a row's tap is an offset into the image, so any 4 rows can
 * share a tile. The positions are cut into blocks of whole output rows (~KC positions) so
 * the block's g panel stays in L1 while the row tiles pass over it; a later block resumes from the sums
 * stored by the earlier one (same additions, same order). Columns past outC (6 channels: one tile of
 * 8 with 2 empty lanes) are loaded as zeros and never stored.
 */
/* Offset in the image of row r's tap: r = (fy·fw + fx)·C + c. */
static inline int tap_offset(int r, int C, int fw, int Wb) {
  int tap = r / C;
  return ((tap / fw) * Wb + tap % fw) * C + r % C;
}

/*
 * One tile: rows r0 … r0 + MR − 1 of dW, columns j … j + w − 1, over the output rows q0 ≤ q < q1 (q = n·oh
 * + oy). Written out for MR = 4 and 1 with named registers: arrays indexed in loops ended up in a stack
 * frame in memory, which this module must not have.
 */
#define FILTER_TILE_BEGIN                                                                                        \
  for (int q = q0; q < q1; q++) {                                                                                \
    int n = q / oh, oy = q % oh;                                                                                 \
    const f32 *xp = xb + (n * Hb + oy * sh) * Wb * C;                                                            \
    const f32 *gr = g + q * ow * outC + j;                                                                       \
    for (int ox = 0; ox < ow; ox++, gr += outC, xp += sw * C) {                                                  \
      f32x4 b0 = load_lanes(gr, w), b1 = load_lanes(gr + 4, w - 4);
#define FILTER_TILE_END                                                                                          \
  }                                                                                                              \
  }

#define FILTER_ROW(a0, a1, off)                                                                                  \
  {                                                                                                              \
    f32x4 a = SPLAT(xp + (off));                                                                                 \
    a0 = MADD(a0, a, b0);                                                                                        \
    a1 = MADD(a1, a, b1);                                                                                        \
  }
#define FILTER_LOAD(a0, a1, r)                                                                                   \
  f32x4 a0 = accumulate ? load_lanes(dw + (r) * outC + j, w) : wasm_f32x4_splat(0.0f);                          \
  f32x4 a1 = accumulate ? load_lanes(dw + (r) * outC + j + 4, w - 4) : wasm_f32x4_splat(0.0f);
#define FILTER_STORE(a0, a1, r)                                                                                  \
  store_lanes(dw + (r) * outC + j, a0, w);                                                                       \
  store_lanes(dw + (r) * outC + j + 4, a1, w - 4);

#define FILTER_TILE_ARGS                                                                                         \
  int q0, int q1, int oh, int ow, int sh, int sw, int Hb, int Wb, int C, int fw, const f32 *xb, int r0, const f32 *g, \
      int outC, int j, int w, f32 *dw, int accumulate

static inline __attribute__((always_inline)) void filter_tile_4(FILTER_TILE_ARGS) {
  int o0 = tap_offset(r0, C, fw, Wb), o1 = tap_offset(r0 + 1, C, fw, Wb), o2 = tap_offset(r0 + 2, C, fw, Wb),
      o3 = tap_offset(r0 + 3, C, fw, Wb);
  FILTER_LOAD(c00, c01, r0)
  FILTER_LOAD(c10, c11, r0 + 1)
  FILTER_LOAD(c20, c21, r0 + 2)
  FILTER_LOAD(c30, c31, r0 + 3)
  FILTER_TILE_BEGIN
  FILTER_ROW(c00, c01, o0)
  FILTER_ROW(c10, c11, o1)
  FILTER_ROW(c20, c21, o2)
  FILTER_ROW(c30, c31, o3)
  FILTER_TILE_END
  FILTER_STORE(c00, c01, r0)
  FILTER_STORE(c10, c11, r0 + 1)
  FILTER_STORE(c20, c21, r0 + 2)
  FILTER_STORE(c30, c31, r0 + 3)
}

static inline __attribute__((always_inline)) void filter_tile_1(FILTER_TILE_ARGS) {
  int o0 = tap_offset(r0, C, fw, Wb);
  FILTER_LOAD(c00, c01, r0)
  FILTER_TILE_BEGIN
  FILTER_ROW(c00, c01, o0)
  FILTER_TILE_END
  FILTER_STORE(c00, c01, r0)
}

/* All row tiles of one column tile over one block of positions; w = 8 is a separate copy, branch-free. */
static inline __attribute__((always_inline)) void filter_rows(int R, int q0, int q1, int oh, int ow, int sh, int sw,
                                                              int Hb, int Wb, int C, int fw, const f32 *xb,
                                                              const f32 *g, int outC, int j, int w, f32 *dw,
                                                              int accumulate) {
  int r = 0;
  for (; r + 4 <= R; r += 4) filter_tile_4(q0, q1, oh, ow, sh, sw, Hb, Wb, C, fw, xb, r, g, outC, j, w, dw, accumulate);
  for (; r < R; r++) filter_tile_1(q0, q1, oh, ow, sh, sw, Hb, Wb, C, fw, xb, r, g, outC, j, w, dw, accumulate);
}

EXPORT(conv_filter_grad)
void conv_filter_grad(int N, int Hb, int Wb, int C, int fh, int fw, int oh, int ow, int sh, int sw, const f32 *xb,
                      const f32 *g, int outC, f32 *dw) {
  int R = fh * fw * C, Q = N * oh;
  int rowsPerBlock = KC / ow > 0 ? KC / ow : 1;
  for (int q0 = 0; q0 < Q; q0 += rowsPerBlock) {
    int q1 = Q - q0 < rowsPerBlock ? Q : q0 + rowsPerBlock;
    for (int j = 0; j < outC; j += 8) {
#define FILTER_ROWS(W) filter_rows(R, q0, q1, oh, ow, sh, sw, Hb, Wb, C, fw, xb, g, outC, j, W, dw, q0 > 0)
      if (outC - j >= 8)
        FILTER_ROWS(8);
      else
        WITH_CONST_WIDTH(outC - j, FILTER_ROWS)
#undef FILTER_ROWS
    }
  }
}

/*
 * Input gradient without the im2col-sized matrix: dcols = g · Wᵀ is made 4 output positions at a time
 * into `strip` (4 × Rp floats, Rp = R rounded up to 8) and each strip row is added into dx at once
 * (col2im fused into the product's store). Positions are visited in order and each strip row is
 * added tap by tap, so every dx element receives the same sums in the same order as a full dcols
 * followed by col2im: the bits are the same. Wᵀ is packed into wT [outC, Rp] with zero columns past R,
 * so every tile is a whole 4 × 8 register tile (no narrow tail). The adds are elementwise, 4 channels
 * at a time. `nz` is room for 4 rows of g's nonzeros and their cursors (13 + 8·outC words).
 */
EXPORT(conv_input_grad)
void conv_input_grad(int N, int H, int W, int C, int fh, int fw, int oh, int ow, int sh, int sw, int pt, int pl,
                     const f32 *g, int outC, const f32 *w, f32 *wT, f32 *strip, int *nz, f32 *dx) {
  int R = fh * fw * C, Rp = (R + 7) & ~7, P = N * oh * ow;
  int *start = nz, *kidx = nz + 5;
  f32 *val = (f32 *)(kidx + 4 * outC);
  int *cursors = (int *)(val + 4 * outC);
  for (int o = 0; o < outC; o++)
    for (int r = 0; r < Rp; r++) wT[o * Rp + r] = r < R ? w[r * outC + o] : 0.0f;
  for (int i = 0; i < N * H * W * C; i++) dx[i] = 0.0f;
  for (int p0 = 0; p0 < P; p0 += 4) {
    int rows = P - p0 < 4 ? P - p0 : 4;
    const f32 *a = g + p0 * outC;
    /* Behind a 2 × 2 max pool only one position of each window gets a channel's gradient, and the ReLU
     * clears more: LeNet-5's g is mostly exact zeros. Its rows take gemm's sparse path (the same bits,
     * see there); a row of zeros makes a strip row of +0, which would leave dx as it is. */
    int nonzeros = compress_rows(rows, outC, a, outC, 1, start, kidx, val);
    if (nonzeros == 0) continue;
    if ((f32)nonzeros < SPARSE_BELOW * (f32)(rows * outC))
      gemm_sparse_a(rows, Rp, outC, start, kidx, val, wT, Rp, strip, Rp, cursors, cursors + 4);
    else
      for (int j = 0; j < Rp; j += 8) {
        if (rows == 4)
          tile_4x2(outC, a, outC, 1, wT + j, Rp, strip + j, Rp, 0);
        else
          for (int r = 0; r < rows; r++) tile_1x2(outC, a + r * outC, outC, 1, wT + j, Rp, strip + r * Rp + j, Rp, 0);
      }
    for (int r = 0; r < rows; r++) {
      if (start[r + 1] == start[r]) continue;
      int p = p0 + r, ox = p % ow, oy = (p / ow) % oh, n = p / (ow * oh);
      for (int fy = 0; fy < fh; fy++) {
        int y = oy * sh + fy - pt;
        if (y < 0 || y >= H) continue;
        for (int fx = 0; fx < fw; fx++) {
          int xx = ox * sw + fx - pl;
          if (xx < 0 || xx >= W) continue;
          const f32 *src = strip + r * Rp + (fy * fw + fx) * C;
          f32 *dst = dx + ((n * H + y) * W + xx) * C;
          int c = 0;
          for (; c + 4 <= C; c += 4) STORE(dst + c, wasm_f32x4_add(LOAD(dst + c), LOAD(src + c)));
          for (; c < C; c++) dst[c] += src[c];
        }
      }
    }
  }
}

/*
 * Forward conv over an image every tap reads inside (xb: the input, or its padded copy):
 * y[p, o] = Σ over r = (fy·fw + fx)·C + c, in order, of x(r, p) · w[r, o], the order of XNNPACK's conv
 * (tfjs' Conv2D on wasm): on LeNet-5's shapes every output has the same bits (measured). It replaces tfjs'
 * Conv2D because XNNPACK packs a filter once per tensor and caches it: the in-place optimizer updates
 * (optim.ts) keep the tensor, so tfjs' conv went on using an early filter for the whole run. This kernel
 * reads the filter at every call. A tile is 4 neighbouring positions of one output row × 8 output
 * channels, like the filter gradient's.
 */
#define FWD_TAP(acc0, acc1, i)                                                                                   \
  {                                                                                                              \
    f32x4 a = SPLAT(xr + (i) * sw * C + off);                                                                    \
    acc0 = MADD(acc0, a, b0);                                                                                    \
    acc1 = MADD(acc1, a, b1);                                                                                    \
  }
#define FWD_LOOP(BODY)                                                                                           \
  {                                                                                                              \
    const f32 *wr = w + j;                                                                                       \
    for (int fy = 0; fy < fh; fy++)                                                                              \
      for (int fx = 0; fx < fw; fx++)                                                                            \
        for (int c = 0; c < C; c++, wr += outC) {                                                                \
          int off = (fy * Wb + fx) * C + c;                                                                      \
          f32x4 b0 = load_lanes(wr, wl), b1 = load_lanes(wr + 4, wl - 4);                                        \
          BODY                                                                                                   \
        }                                                                                                        \
  }

static inline __attribute__((always_inline)) void forward_tiles(int N, int Hb, int Wb, int C, int fh, int fw, int oh,
                                                                int ow, int sh, int sw, const f32 *xb, const f32 *w,
                                                                int outC, int j, int wl, f32 *y) {
  for (int n = 0; n < N; n++)
    for (int oy = 0; oy < oh; oy++) {
      int ox = 0;
      for (; ox + 4 <= ow; ox += 4) {
        const f32 *xr = xb + ((n * Hb + oy * sh) * Wb + ox * sw) * C;
        f32x4 c00 = wasm_f32x4_splat(0.0f), c01 = c00, c10 = c00, c11 = c00, c20 = c00, c21 = c00, c30 = c00,
              c31 = c00;
        FWD_LOOP(FWD_TAP(c00, c01, 0) FWD_TAP(c10, c11, 1) FWD_TAP(c20, c21, 2) FWD_TAP(c30, c31, 3))
        f32 *yr = y + ((n * oh + oy) * ow + ox) * outC + j;
        store_lanes(yr, c00, wl);
        store_lanes(yr + 4, c01, wl - 4);
        store_lanes(yr + outC, c10, wl);
        store_lanes(yr + outC + 4, c11, wl - 4);
        store_lanes(yr + 2 * outC, c20, wl);
        store_lanes(yr + 2 * outC + 4, c21, wl - 4);
        store_lanes(yr + 3 * outC, c30, wl);
        store_lanes(yr + 3 * outC + 4, c31, wl - 4);
      }
      for (; ox < ow; ox++) {
        const f32 *xr = xb + ((n * Hb + oy * sh) * Wb + ox * sw) * C;
        f32x4 c00 = wasm_f32x4_splat(0.0f), c01 = c00;
        FWD_LOOP(FWD_TAP(c00, c01, 0))
        f32 *yr = y + ((n * oh + oy) * ow + ox) * outC + j;
        store_lanes(yr, c00, wl);
        store_lanes(yr + 4, c01, wl - 4);
      }
    }
}

EXPORT(conv_forward)
void conv_forward(int N, int Hb, int Wb, int C, int fh, int fw, int oh, int ow, int sh, int sw, const f32 *xb,
                  const f32 *w, int outC, f32 *y) {
  for (int j = 0; j < outC; j += 8) {
#define FORWARD_TILES(W) forward_tiles(N, Hb, Wb, C, fh, fw, oh, ow, sh, sw, xb, w, outC, j, W, y)
    if (outC - j >= 8)
      FORWARD_TILES(8);
    else
      WITH_CONST_WIDTH(outC - j, FORWARD_TILES)
#undef FORWARD_TILES
  }
}

/*
 * Max-pool gradient (NHWC): each output's gradient goes to the first maximum of its window in
 * row-major order (strictly greater replaces), the rule of tfjs' reference kernels.
 */
EXPORT(maxpool_grad)
void maxpool_grad(int N, int H, int W, int C, int ph, int pw, int oh, int ow, int sh, int sw, int pt, int pl,
                  const f32 *x, const f32 *dy, f32 *dx) {
  for (int i = 0; i < N * H * W * C; i++) dx[i] = 0.0f;
  for (int n = 0; n < N; n++)
    for (int oy = 0; oy < oh; oy++)
      for (int ox = 0; ox < ow; ox++) {
        int y0 = oy * sh - pt, x0 = ox * sw - pl;
        int fy0 = y0 < 0 ? -y0 : 0, fy1 = y0 + ph > H ? H - y0 : ph;
        int fx0 = x0 < 0 ? -x0 : 0, fx1 = x0 + pw > W ? W - x0 : pw;
        const f32 *g = dy + ((n * oh + oy) * ow + ox) * C;
        for (int c = 0; c < C; c++) {
          int best = -1;
          f32 bestValue = 0.0f;
          for (int fy = fy0; fy < fy1; fy++)
            for (int fx = fx0; fx < fx1; fx++) {
              int at = ((n * H + y0 + fy) * W + x0 + fx) * C + c;
              if (best < 0 || x[at] > bestValue) {
                best = at;
                bestValue = x[at];
              }
            }
          if (best >= 0) dx[best] += g[c];
        }
      }
}

/* ---------------------------------------------------------------------------------------------------
 * Bias and ReLU around a product (dense or conv, rows × channels): the forward pass adds the bias to
 * each row and clamps in place; the backward pass masks the incoming gradient where the output was
 * clamped and sums it over rows (in row order) into the bias gradient.
 */
EXPORT(bias_act)
void bias_act(int rows, int cols, f32 *out, const f32 *bias, int relu) {
  for (int i = 0; i < rows; i++) {
    f32 *r = out + i * cols;
    for (int j = 0; j < cols; j++) {
      f32 v = r[j] + bias[j];
      r[j] = relu && !(v > 0.0f) ? 0.0f : v;
    }
  }
}

/*
 * g = dy where the layer's output y was > 0 (all of dy without the ReLU), db = column sums of g in row
 * order. Written with vectors: clang left the loop scalar (g may alias dy, and does for the logits), and
 * it was 0.18 ms of a 3 ms LeNet-300-100 step. The mask keeps dy's bits or gives +0, as the scalar
 * `relu && !(y > 0) ? 0 : dy` did (a NaN y fails the comparison either way).
 */
EXPORT(bias_act_grad)
void bias_act_grad(int rows, int cols, const f32 *dy, const f32 *y, int relu, f32 *g, f32 *db) {
  for (int j = 0; j < cols; j++) db[j] = 0.0f;
  const f32x4 zero = wasm_f32x4_splat(0.0f);
  for (int i = 0; i < rows; i++) {
    const f32 *dyr = dy + i * cols, *yr = y + i * cols;
    f32 *gr = g + i * cols;
    int j = 0;
    for (; j + 4 <= cols; j += 4) {
      f32x4 v = LOAD(dyr + j);
      if (relu) v = wasm_v128_and(v, wasm_f32x4_gt(LOAD(yr + j), zero));
      STORE(gr + j, v);
      STORE(db + j, wasm_f32x4_add(LOAD(db + j), v));
    }
    for (; j < cols; j++) {
      f32 v = relu && !(yr[j] > 0.0f) ? 0.0f : dyr[j];
      gr[j] = v;
      db[j] += v;
    }
  }
}

/*
 * 2×2 max pooling with stride 2 (no padding; an odd last row or column is dropped), fused into the
 * conv op: the forward pass keeps, per output, the index of its window's first maximum in row-major
 * order (the rule of tfjs' reference kernels); the backward pass sends each output's gradient to that
 * index, masked where the ReLU clamped (a pooled value ≤ 0 is a clamped maximum), and sums the bias
 * gradient over the pooled outputs in order. The forward pass applies the bias and the ReLU to each
 * window's four values of the conv's raw output y on the way (one pass instead of bias_act and then the
 * pooling: the same values, as bias_act computes them; y is not written back).
 */
EXPORT(bias_act_pool2)
void bias_act_pool2(int N, int H, int W, int C, const f32 *y, const f32 *bias, int relu, f32 *out, int *arg) {
  int ph = H / 2, pw = W / 2;
  const f32x4 zero = wasm_f32x4_splat(0.0f);
  const v128_t lane = wasm_i32x4_make(0, 1, 2, 3);
  for (int n = 0; n < N; n++)
    for (int py = 0; py < ph; py++)
      for (int px = 0; px < pw; px++) {
        int at = ((n * H + 2 * py) * W + 2 * px) * C;
        int o = ((n * ph + py) * pw + px) * C;
        // The window's values, in row-major order, at these offsets from its first.
        int d1 = C, d2 = W * C, d3 = W * C + C;
        // Four channels at a time (the last group may be partial: its missing lanes are loaded as 0 and
        // never stored), with the same additions and comparisons lane by lane as a scalar loop, but no
        // branches: the window's maximum is a data-dependent choice a branch would mispredict half the
        // time (measured 3× slower for LeNet-5's 6 channels). pmax(0, v) is `0 < v ? v : 0`, i.e.
        // bias_act's `v > 0 ? v : 0` (a NaN or −0 becomes +0); strictly greater replaces, so the first
        // maximum wins.
        for (int c = 0; c < C; c += 4) {
          int w = C - c;
          const f32 *p = y + at + c;
          f32x4 b = load_lanes(bias + c, w);
          f32x4 v0 = wasm_f32x4_add(load_lanes(p, w), b), v1 = wasm_f32x4_add(load_lanes(p + d1, w), b);
          f32x4 v2 = wasm_f32x4_add(load_lanes(p + d2, w), b), v3 = wasm_f32x4_add(load_lanes(p + d3, w), b);
          if (relu) {
            v0 = wasm_f32x4_pmax(zero, v0);
            v1 = wasm_f32x4_pmax(zero, v1);
            v2 = wasm_f32x4_pmax(zero, v2);
            v3 = wasm_f32x4_pmax(zero, v3);
          }
          v128_t i0 = wasm_i32x4_add(wasm_i32x4_splat(at + c), lane);
          f32x4 best = v0;
          v128_t idx = i0, gt;
          gt = wasm_f32x4_gt(v1, best);
          best = wasm_v128_bitselect(v1, best, gt);
          idx = wasm_v128_bitselect(wasm_i32x4_add(i0, wasm_i32x4_splat(d1)), idx, gt);
          gt = wasm_f32x4_gt(v2, best);
          best = wasm_v128_bitselect(v2, best, gt);
          idx = wasm_v128_bitselect(wasm_i32x4_add(i0, wasm_i32x4_splat(d2)), idx, gt);
          gt = wasm_f32x4_gt(v3, best);
          best = wasm_v128_bitselect(v3, best, gt);
          idx = wasm_v128_bitselect(wasm_i32x4_add(i0, wasm_i32x4_splat(d3)), idx, gt);
          store_lanes(out + o + c, best, w);
          store_lanes_i32(arg + o + c, idx, w);
        }
      }
}

EXPORT(maxpool2_act_grad)
void maxpool2_act_grad(int count, int C, int yCount, const f32 *pooled, const int *arg, const f32 *dy, int relu,
                       f32 *g, f32 *db) {
  for (int i = 0; i < yCount; i++) g[i] = 0.0f;
  for (int c = 0; c < C; c++) db[c] = 0.0f;
  for (int i = 0; i < count; i++) {
    f32 v = relu && !(pooled[i] > 0.0f) ? 0.0f : dy[i];
    g[arg[i]] = v;
    db[i % C] += v;
  }
}
