/**
 * The level worker: on a Chromebook's second core it downloads and checks the levels
 * while the main thread boots Phaser. The protocol is answerLoadRequests
 * (content-validation.ts); the page's side is campaign.ts. Answers are plain data,
 * which structured cloning copies as it is.
 */
import {
  answerLoadRequests,
  type PageMessage,
  requestFromName,
  type WorkerAnswer,
} from './content-validation';

const scope = self as unknown as {
  name: string;
  onmessage: ((event: MessageEvent<PageMessage>) => void) | null;
  postMessage(message: WorkerAnswer): void;
};

const handle = answerLoadRequests((answer) => scope.postMessage(answer));
scope.onmessage = (event) => handle(event.data);
// The request is in the worker's name, so loading starts as soon as the worker runs,
// however busy the page's main thread is (a message from it would wait for it).
const request = requestFromName(scope.name);
if (request) handle(request);
else scope.postMessage({ kind: 'all', ok: false, message: 'the level worker has no request' });
