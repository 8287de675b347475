/**
 * With ?level=, the level worker starts from the first script the built page runs, a
 * few lines in the head, before the game's bundle has even been compiled.
 *
 * Why: a worker cannot start while the page's main thread is busy, and from the moment
 * the bundle evaluates (Phaser first) until Phaser has booted it is busy. Started from
 * the bundle (src/preload.ts), the worker ran only after that, and the first level came
 * a third of a second after Phaser had booted, at 4x CPU throttle. Started here, it has
 * checked the level by then. The page adopts this worker (src/services/campaign.ts);
 * the dev server has no such script, and the bundle starts the worker itself.
 *
 * The script is a file of its own (the Content-Security-Policy allows no inline script),
 * named by its content's hash like every other asset, since it names the worker's file.
 * It is async: it runs as soon as it arrives, long before the bundle, whose megabyte
 * takes longer to download and compile, and never holds up the parser.
 */
import type { Plugin, Rolldown } from 'vite';
import { EARLY_WORKER_GLOBAL } from '../src/services/early-worker.ts';

/**
 * The head script's source for the worker's file (a path relative to the page). It
 * makes the request the game would (campaign.ts): the worker reads it from its name.
 */
export function earlyWorkerScript(workerFile: string): string {
  const worker = JSON.stringify(`./${workerFile}`);
  const global = JSON.stringify(EARLY_WORKER_GLOBAL);
  // null there means the bundle ran first and started its own. Answers that come
  // before the game takes the worker are kept for it: a worker's messages are not held
  // for a handler. A worker that fails to load before the game takes it is dropped: the
  // game then starts its own, and handles that failure as any other.
  return `// Starts the level worker for ?level= before the game's bundle runs (scripts/vite-early-worker.ts).
{
  const level = new URLSearchParams(location.search).get("level");
  if (level && self[${global}] === undefined) {
    try {
      const request = JSON.stringify({ baseUrl: document.baseURI, first: level });
      const worker = new Worker(${worker}, { type: "module", name: request });
      const answers = [];
      const keep = (event) => answers.push(event.data);
      worker.addEventListener("message", keep);
      worker.addEventListener("error", () => {
        if (self[${global}]?.worker === worker) delete self[${global}];
      });
      self[${global}] = {
        worker,
        request,
        take() {
          worker.removeEventListener("message", keep);
          return answers;
        },
      };
    } catch {}
  }
}
`;
}

function workerFile(bundle: Rolldown.OutputBundle): string {
  const files = Object.keys(bundle).filter((name) => /(^|\/)content-worker-[\w-]+\.js$/.test(name));
  if (files.length !== 1) {
    throw new Error(`expected one content-worker chunk in the build, found ${files.length}`);
  }
  return files[0] as string;
}

export function earlyLevelWorker(): Plugin {
  return {
    name: 'flag-the-feed-early-level-worker',
    apply: 'build',
    // After Vite has written index.html into the bundle.
    enforce: 'post',
    generateBundle(_options, bundle) {
      const html = bundle['index.html'] as Rolldown.OutputAsset | undefined;
      if (!html) return;
      const reference = this.emitFile({
        type: 'asset',
        name: 'start-level-worker.js',
        source: earlyWorkerScript(workerFile(bundle)),
      });
      const tag = `<script async src="./${this.getFileName(reference)}"></script>`;
      const source = String(html.source);
      // Right after the Content-Security-Policy, which must come before any script.
      const policy = source.indexOf('http-equiv="Content-Security-Policy"');
      if (policy < 0) throw new Error('index.html has no Content-Security-Policy to follow');
      const at = source.indexOf('>', policy) + 1;
      html.source = `${source.slice(0, at)}\n    ${tag}${source.slice(at)}`;
    },
  };
}
