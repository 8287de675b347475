/**
 * The class dashboard's camera scanner: the trainer holds each student's result QR code
 * up to this computer's camera, and every result read is added at once, until the
 * trainer stops. The browser's own BarcodeDetector reads the codes where it has one
 * (Chromebooks, Android, macOS); elsewhere the `qr` decoder (pure JS, no wasm, no eval)
 * is loaded into its own chunk the first time the scanner opens.
 */
import type { AccessibleLayer } from '../a11y/layer';
import type { Translator } from '../services/i18n';
import { button, el, openPanel } from '../ui/dialog';
import { alertLine } from './share';

/** How often a frame is read: quick enough to feel instant, light on a school laptop. */
const SCAN_INTERVAL_MS = 200;

interface QrDetector {
  detect(source: HTMLVideoElement): Promise<{ rawValue: string }[]>;
}
interface QrDetectorClass {
  new (options: { formats: string[] }): QrDetector;
  getSupportedFormats(): Promise<string[]>;
}

async function qrDetector(): Promise<QrDetector> {
  const native = (globalThis as { BarcodeDetector?: QrDetectorClass }).BarcodeDetector;
  if (native && (await native.getSupportedFormats()).includes('qr_code'))
    return new native({ formats: ['qr_code'] });
  const { BarcodeDetector } = await import('qr/decode.js');
  return new BarcodeDetector({ formats: ['qr_code'] });
}

/** Plain words for why the camera could not start, by the DOMException's name. */
function cameraProblem(t: Translator['t'], error: unknown): string {
  const name = error instanceof DOMException ? error.name : '';
  if (name === 'NotAllowedError' || name === 'SecurityError') return t('workshop:scanner.refused');
  if (name === 'NotFoundError' || name === 'OverconstrainedError')
    return t('workshop:scanner.noCamera');
  if (name === 'NotReadableError' || name === 'AbortError') return t('workshop:scanner.busy');
  return t('workshop:scanner.failed', { reason: (error as Error).message || String(error) });
}

export interface ScannerOptions {
  translator: Translator;
  layer: AccessibleLayer;
  /** Handles one QR code's text (each distinct text once) and says what became of it. */
  onScan(text: string): { message: string; added?: string };
  onClose(): void;
}

export function openScanner({ translator, layer, onScan, onClose }: ScannerOptions): void {
  const { t } = translator;
  let stream: MediaStream | null = null;
  let timer = 0;
  let closed = false;
  const seen = new Set<string>();
  const video = el('video');

  const stopCamera = () => {
    window.clearTimeout(timer);
    for (const track of stream?.getTracks() ?? []) track.stop();
    stream = null;
    video.srcObject = null;
  };
  const close = () => {
    if (closed) return;
    closed = true;
    stopCamera();
    window.removeEventListener('pagehide', close);
    panel.close();
    onClose();
  };
  // Leaving the page closes the scanner and turns the camera off; a page restored from
  // the back-forward cache shows the dashboard, ready to scan again.
  window.addEventListener('pagehide', close);

  const panel = openPanel(layer, t('workshop:scanner.title'), close);
  panel.dialog.classList.add('workshop-scanner');
  video.muted = true;
  video.playsInline = true;
  video.setAttribute('aria-label', t('workshop:scanner.video'));
  const status = el('p', t('workshop:scanner.starting'), 'scan-status');
  status.setAttribute('role', 'status');
  const problem = alertLine();
  const addedHeading = el('h3', t('workshop:scanner.addedHeading'));
  addedHeading.hidden = true;
  const addedList = el('ul', null, 'scan-added');
  const stop = button(t('workshop:scanner.stop'), close, 'primary');
  panel.body.append(
    el('p', t('workshop:scanner.intro')),
    video,
    status,
    problem,
    addedHeading,
    addedList,
    stop,
  );
  panel.heading.focus();

  const fail = (message: string) => {
    stopCamera();
    status.textContent = '';
    problem.textContent = message;
    problem.hidden = false;
    stop.textContent = t('workshop:scanner.close');
  };

  const scan = async (detector: QrDetector) => {
    if (closed || !stream) return;
    if (video.readyState >= HTMLMediaElement.HAVE_CURRENT_DATA) {
      let codes: { rawValue: string }[] = [];
      try {
        codes = await detector.detect(video);
      } catch {
        // A frame the detector cannot take (the camera just switched): try the next one.
      }
      for (const { rawValue } of codes) {
        // The same code stays in view for many frames: each is handled once per scan.
        if (closed || seen.has(rawValue)) continue;
        seen.add(rawValue);
        const outcome = onScan(rawValue);
        status.textContent = outcome.message;
        if (outcome.added) {
          addedHeading.hidden = false;
          addedList.append(el('li', outcome.added));
        }
      }
    }
    if (!closed && stream) timer = window.setTimeout(() => void scan(detector), SCAN_INTERVAL_MS);
  };

  const start = async () => {
    if (!window.isSecureContext || !navigator.mediaDevices?.getUserMedia) {
      fail(t('workshop:scanner.insecure'));
      return;
    }
    try {
      const camera = await navigator.mediaDevices.getUserMedia({
        audio: false,
        // Result codes are dense QR codes: ask for enough pixels to read them at arm's length.
        video: { facingMode: 'environment', width: { ideal: 1280 }, height: { ideal: 720 } },
      });
      if (closed) {
        for (const track of camera.getTracks()) track.stop();
        return;
      }
      stream = camera;
      video.srcObject = camera;
      await video.play();
    } catch (error) {
      if (!closed) fail(cameraProblem(t, error));
      return;
    }
    let detector: QrDetector;
    try {
      detector = await qrDetector();
    } catch (error) {
      if (!closed) fail(t('workshop:scanner.failed', { reason: (error as Error).message }));
      return;
    }
    if (closed) return;
    status.textContent = t('workshop:scanner.looking');
    void scan(detector);
  };
  void start();
}
