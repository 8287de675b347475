/**
 * L2-regularised logistic regression, pure and deterministic: features standardised
 * on the training rows, weights fitted by Newton's method with a fixed lambda. The cue
 * check (cues.ts) uses it to ask whether surface cues together predict the truth.
 */

/** On standardised features, mean log-loss + LAMBDA/2 |w|^2 (about C = 0.7 at 150 posts). */
const LAMBDA = 0.01;

function solve(matrix: number[][], vector: number[]): number[] {
  const n = vector.length;
  const a = matrix.map((row, i) => [...row, vector[i] as number]);
  for (let col = 0; col < n; col++) {
    let pivot = col;
    for (let r = col + 1; r < n; r++)
      if (Math.abs(a[r]?.[col] as number) > Math.abs(a[pivot]?.[col] as number)) pivot = r;
    [a[col], a[pivot]] = [a[pivot] as number[], a[col] as number[]];
    const top = a[col] as number[];
    for (let r = col + 1; r < n; r++) {
      const row = a[r] as number[];
      const factor = (row[col] as number) / (top[col] as number);
      for (let c = col; c <= n; c++) row[c] = (row[c] as number) - factor * (top[c] as number);
    }
  }
  const x = new Array<number>(n).fill(0);
  for (let r = n - 1; r >= 0; r--) {
    const row = a[r] as number[];
    let sum = row[n] as number;
    for (let c = r + 1; c < n; c++) sum -= (row[c] as number) * (x[c] as number);
    x[r] = sum / (row[r] as number);
  }
  return x;
}

/** Standardises with the training rows' statistics; NaN (not present) becomes 0, the mean. */
function scaler(training: readonly number[][]) {
  const width = training[0]?.length ?? 0;
  const means: number[] = [];
  const sds: number[] = [];
  for (let j = 0; j < width; j++) {
    const known = training.map((x) => x[j] as number).filter((value) => !Number.isNaN(value));
    const mean = known.reduce((sum, value) => sum + value, 0) / Math.max(1, known.length);
    const variance =
      known.reduce((sum, value) => sum + (value - mean) ** 2, 0) / Math.max(1, known.length);
    means.push(mean);
    sds.push(Math.sqrt(variance));
  }
  return (x: readonly number[]) =>
    x.map((value, j) => {
      const sd = sds[j] as number;
      return Number.isNaN(value) || sd < 1e-12 ? 0 : (value - (means[j] as number)) / sd;
    });
}

/** Fits weights (intercept last) by Newton's method on the penalised log-loss. */
function fitLogistic(xs: readonly number[][], ys: readonly boolean[]): number[] {
  const n = xs.length;
  const width = (xs[0]?.length ?? 0) + 1;
  let weights = new Array<number>(width).fill(0);
  for (let iteration = 0; iteration < 50; iteration++) {
    const gradient = new Array<number>(width).fill(0);
    const hessian = Array.from({ length: width }, () => new Array<number>(width).fill(0));
    xs.forEach((x, i) => {
      const features = [...x, 1];
      const p = sigmoid(dot(weights, features));
      const error = p - (ys[i] ? 1 : 0);
      const curvature = Math.max(p * (1 - p), 1e-10);
      for (let a = 0; a < width; a++) {
        gradient[a] = (gradient[a] as number) + (error * (features[a] as number)) / n;
        const row = hessian[a] as number[];
        for (let b = 0; b < width; b++)
          row[b] =
            (row[b] as number) +
            (curvature * (features[a] as number) * (features[b] as number)) / n;
      }
    });
    for (let a = 0; a < width - 1; a++) {
      gradient[a] = (gradient[a] as number) + LAMBDA * (weights[a] as number);
      (hessian[a] as number[])[a] = ((hessian[a] as number[])[a] as number) + LAMBDA;
    }
    const step = solve(hessian, gradient);
    weights = weights.map((w, a) => w - (step[a] as number));
    if (Math.max(...step.map(Math.abs)) < 1e-8) break;
  }
  return weights;
}

const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));
const dot = (a: readonly number[], b: readonly number[]) =>
  a.reduce((sum, value, i) => sum + value * (b[i] as number), 0);

/** Learns from rows of numbers (NaN: not present) and their labels; says true or false of a new row. */
export function trainLogistic(
  xs: readonly number[][],
  ys: readonly boolean[],
): (x: readonly number[]) => boolean {
  const scale = scaler(xs);
  const weights = fitLogistic(
    xs.map((x) => scale(x)),
    ys,
  );
  return (x) => dot(weights, [...scale(x), 1]) > 0;
}
