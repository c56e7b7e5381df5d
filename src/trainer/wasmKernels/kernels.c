/*
 * Paperlab's own float32 kernels for tfjs' WebAssembly backend, compiled with clang to wasm32 + SIMD128
 * (build.mjs beside this file). The module imports tfjs' own memory, so every pointer here is a tensor's
 * offset in tfjs' heap: no copies in or out.
 *
 * Rules this file keeps, checked by test/unit/wasmKernels.test.ts on the built module:
 *   - no static data and no shadow stack (no global section at all): the module owns no memory, it only
 *     reads and writes the buffers it is handed;
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

/* Bᵀ[K, N] from B[N, K], into scratch. */
static void transpose(int rows, int cols, const f32 *src, f32 *dst) {
  for (int r = 0; r < rows; r++)
    for (int c = 0; c < cols; c++) dst[c * rows + r] = src[r * cols + c];
}

/*
 * One matrix product of a batch: C[M, N] = op(A) · op(B), op = transpose when the flag is set.
 * A is [M, K] (or [K, M] when transA), B is [K, N] (or [N, K] when transB, packed into `scratch`,
 * which must hold K·N + 256·8 + 32 floats when transB, 256·8 + 32 otherwise).
 */
EXPORT(gemm)
void gemm(int M, int N, int K, const f32 *A, int transA, const f32 *B, int transB, f32 *C, f32 *scratch) {
  f32 *pad = transB ? scratch + K * N : scratch;
  if (transB) {
    transpose(N, K, B, scratch);
    B = scratch;
  }
  if (transA)
    gemm_strided_a(M, N, K, A, 1, M, B, N, C, N, pad);
  else
    gemm_strided_a(M, N, K, A, K, 1, B, N, C, N, pad);
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
/* One comparison of |v| (not two), so clang still vectorizes the update loops (a select per lane); v · 0 keeps
 * the sign of a zero (a masked gradient is −0 as often as +0, and the sign carries into the weight). */
static inline f32 flush_tiny(f32 v) { return __builtin_fabsf(v) < TINY ? v * 0.0f : v; }

EXPORT(adam_update)
void adam_update(int n, f32 *w, const f32 *g, f32 *m, f32 *s, const f32 *mask, f32 b1, f32 one_minus_b1, f32 b2,
                 f32 one_minus_b2, f32 step_size, f32 eps_hat, f32 l2, f32 decoupled) {
  for (int i = 0; i < n; i++) {
    f32 gi = g[i];
    if (mask) gi = gi * mask[i];
    if (l2 != 0.0f) gi = gi + w[i] * l2;
    f32 nm = flush_tiny(m[i] * b1 + gi * one_minus_b1);
    f32 ns = s[i] * b2 + (gi * gi) * one_minus_b2;
    m[i] = nm;
    s[i] = ns;
    f32 upd = (nm * step_size) / (__builtin_sqrtf(ns) + eps_hat);
    if (decoupled != 0.0f) upd = upd + w[i] * decoupled;
    f32 nw = w[i] - upd;
    w[i] = mask ? nw * mask[i] : nw;
  }
}

/* SGD with optional L2, momentum (b = μb + g; the first step takes b = g) and Nesterov (g + μb). */
EXPORT(sgd_update)
void sgd_update(int n, f32 *w, const f32 *g, f32 *b, const f32 *mask, f32 lr, f32 l2, f32 mu, int first_step,
                int nesterov) {
  for (int i = 0; i < n; i++) {
    f32 gi = g[i];
    if (mask) gi = gi * mask[i];
    if (l2 != 0.0f) gi = gi + w[i] * l2;
    if (b) {
      f32 nb = flush_tiny(first_step ? gi : b[i] * mu + gi);
      b[i] = nb;
      gi = nesterov ? gi + nb * mu : nb;
    }
    f32 nw = w[i] - gi * lr;
    w[i] = mask ? nw * mask[i] : nw;
  }
}

/* ---------------------------------------------------------------------------------------------------
 * Convolution pieces (NHWC, dilation 1). A conv's backward products are GEMMs over the im2col matrix
 * cols[p, (fy·fw + fx)·C + c] = x[n, oy·sh + fy − pt, ox·sw + fx − pl, c] (zero outside the image),
 * one row per output position p = (n, oy, ox).
 */
EXPORT(im2col)
void im2col(int N, int H, int W, int C, int fh, int fw, int oh, int ow, int sh, int sw, int pt, int pl, const f32 *x,
            f32 *cols) {
  int K = fh * fw * C;
  for (int n = 0; n < N; n++)
    for (int oy = 0; oy < oh; oy++)
      for (int ox = 0; ox < ow; ox++) {
        f32 *row = cols + ((n * oh + oy) * ow + ox) * K;
        for (int fy = 0; fy < fh; fy++) {
          int y = oy * sh + fy - pt;
          for (int fx = 0; fx < fw; fx++) {
            int xx = ox * sw + fx - pl;
            f32 *dst = row + (fy * fw + fx) * C;
            if (y < 0 || y >= H || xx < 0 || xx >= W) {
              for (int c = 0; c < C; c++) dst[c] = 0.0f;
            } else {
              const f32 *src = x + ((n * H + y) * W + xx) * C;
              for (int c = 0; c < C; c++) dst[c] = src[c];
            }
          }
        }
      }
}

/*
 * The transposed im2col matrix, colsᵀ[(fy·fw + fx)·C + c, p]: one row per filter tap and channel, along
 * the output positions. The filter gradient dW[K, outC] = colsᵀ · dY is then a GEMM whose long axis
 * (the positions) is its inner loop and whose narrow output (outC columns) is the tile's width.
 */
EXPORT(im2col_t)
void im2col_t(int N, int H, int W, int C, int fh, int fw, int oh, int ow, int sh, int sw, int pt, int pl,
              const f32 *x, f32 *colsT) {
  int P = N * oh * ow;
  for (int fy = 0; fy < fh; fy++)
    for (int fx = 0; fx < fw; fx++) {
      // Output columns whose input column is inside the image: ox0 ≤ ox < ox1.
      int ox0 = 0, ox1 = ow;
      while (ox0 < ow && ox0 * sw + fx - pl < 0) ox0++;
      while (ox1 > ox0 && (ox1 - 1) * sw + fx - pl >= W) ox1--;
      for (int c = 0; c < C; c++) {
        f32 *row = colsT + ((fy * fw + fx) * C + c) * P;
        for (int n = 0; n < N; n++)
          for (int oy = 0; oy < oh; oy++) {
            int y = oy * sh + fy - pt;
            f32 *dst = row + (n * oh + oy) * ow;
            if (y < 0 || y >= H) {
              for (int ox = 0; ox < ow; ox++) dst[ox] = 0.0f;
              continue;
            }
            const f32 *src = x + ((n * H + y) * W + fx - pl) * C + c;
            for (int ox = 0; ox < ox0; ox++) dst[ox] = 0.0f;
            if (sw == 1 && C == 1)
              for (int ox = ox0; ox < ox1; ox++) dst[ox] = src[ox];
            else
              for (int ox = ox0; ox < ox1; ox++) dst[ox] = src[ox * sw * C];
            for (int ox = ox1; ox < ow; ox++) dst[ox] = 0.0f;
          }
      }
    }
}

/* The adjoint of im2col: dx = Σ over the rows that read each input pixel, added in row order. */
EXPORT(col2im)
void col2im(int N, int H, int W, int C, int fh, int fw, int oh, int ow, int sh, int sw, int pt, int pl,
            const f32 *cols, f32 *dx) {
  int K = fh * fw * C;
  for (int i = 0; i < N * H * W * C; i++) dx[i] = 0.0f;
  for (int n = 0; n < N; n++)
    for (int oy = 0; oy < oh; oy++)
      for (int ox = 0; ox < ow; ox++) {
        const f32 *row = cols + ((n * oh + oy) * ow + ox) * K;
        for (int fy = 0; fy < fh; fy++) {
          int y = oy * sh + fy - pt;
          if (y < 0 || y >= H) continue;
          for (int fx = 0; fx < fw; fx++) {
            int xx = ox * sw + fx - pl;
            if (xx < 0 || xx >= W) continue;
            const f32 *src = row + (fy * fw + fx) * C;
            f32 *dst = dx + ((n * H + y) * W + xx) * C;
            for (int c = 0; c < C; c++) dst[c] += src[c];
          }
        }
      }
}

/* dst[c, r] = src[r, c] for a rows × cols matrix. */
EXPORT(transpose2d)
void transpose2d(int rows, int cols, const f32 *src, f32 *dst) { transpose(rows, cols, src, dst); }

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

EXPORT(bias_act_grad)
void bias_act_grad(int rows, int cols, const f32 *dy, const f32 *y, int relu, f32 *g, f32 *db) {
  for (int j = 0; j < cols; j++) db[j] = 0.0f;
  for (int i = 0; i < rows; i++)
    for (int j = 0; j < cols; j++) {
      f32 v = relu && !(y[i * cols + j] > 0.0f) ? 0.0f : dy[i * cols + j];
      g[i * cols + j] = v;
      db[j] += v;
    }
}

/*
 * 2×2 max pooling with stride 2 (no padding; an odd last row or column is dropped), fused into the
 * conv op: the forward pass keeps, per output, the index of its window's first maximum in row-major
 * order (the rule of tfjs' reference kernels); the backward pass sends each output's gradient to that
 * index, masked where the ReLU clamped (a pooled value ≤ 0 is a clamped maximum), and sums the bias
 * gradient over the pooled outputs in order.
 */
EXPORT(maxpool2)
void maxpool2(int N, int H, int W, int C, const f32 *y, f32 *out, int *arg) {
  int ph = H / 2, pw = W / 2;
  for (int n = 0; n < N; n++)
    for (int py = 0; py < ph; py++)
      for (int px = 0; px < pw; px++)
        for (int c = 0; c < C; c++) {
          int at = ((n * H + 2 * py) * W + 2 * px) * C + c;
          int best = at;
          int cand[3] = {at + C, at + W * C, at + W * C + C};
          for (int q = 0; q < 3; q++)
            if (y[cand[q]] > y[best]) best = cand[q];
          int o = ((n * ph + py) * pw + px) * C + c;
          out[o] = y[best];
          arg[o] = best;
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
