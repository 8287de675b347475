/**
 * Loads and validates the levels in a worker: on a Chromebook's second core this runs
 * while the main thread boots Phaser, instead of after it. Answers are plain data,
 * which structured cloning copies as it is.
 *
 * The page asks once (`LoadRequest`). With a level to show first, the worker answers
 * `first` as soon as that level is checked, keeps checking the rest, and sends `all`
 * only when the page says `rest`: the page asks once the feed is drawn, so copying the
 * whole campaign into the page never delays its first frame.
 */
import { type FirstLevel, type LoadResult, loadAndValidate } from './content-validation';

export interface LoadRequest {
  baseUrl: string;
  first: string | null;
}

export type WorkerAnswer =
  | { kind: 'first'; first: FirstLevel }
  | { kind: 'all'; ok: true; result: LoadResult }
  | { kind: 'all'; ok: false; message: string };

const scope = self as unknown as {
  onmessage: ((event: MessageEvent<LoadRequest | 'rest'>) => void) | null;
  postMessage(message: WorkerAnswer): void;
};

let restAsked = (): void => {};
const rest = new Promise<void>((resolve) => {
  restAsked = resolve;
});

scope.onmessage = (event) => {
  if (event.data === 'rest') {
    restAsked();
    return;
  }
  const { baseUrl, first } = event.data;
  if (first === null) restAsked();
  loadAndValidate(baseUrl, {
    first,
    onFirst: (level) => {
      scope.postMessage({ kind: 'first', first: level });
      // Without its level the page waits for the campaign: send it as soon as it is checked.
      if (!level) restAsked();
    },
  }).then(
    async (result) => {
      await rest;
      scope.postMessage({ kind: 'all', ok: true, result });
    },
    // At once: the page may be waiting for the level it asked for.
    (error: unknown) => {
      scope.postMessage({ kind: 'all', ok: false, message: (error as Error).message });
    },
  );
};
