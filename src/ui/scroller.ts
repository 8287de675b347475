/**
 * Vertical scrolling for a canvas list (the feed, the level list): wheel, drag and
 * touch on the accessible layer move the camera, and the layer's buttons move with
 * it. A drag never counts as a tap on the post under the finger.
 */
import { reducedMotion } from './motion';

export interface ScrollerOptions {
  /** The clipped DOM area over the scrolling part of the canvas. */
  viewport: HTMLElement;
  /** Holds the buttons, in content coordinates; moved with a transform. */
  content: HTMLElement;
  onScroll: (scrollY: number) => void;
  /**
   * For a feed that shows one post at a time: where a wheel step or a drag comes to
   * rest, given where it started and its direction (0: the nearest post).
   */
  snap?: (position: number, direction: -1 | 0 | 1) => number;
}

/** A wheel gesture sends many events: one snap per gesture, then a short pause. */
const SNAP_PAUSE_MS = 450;
/** A drag shorter than this falls back to the post it started on. */
const SNAP_DRAG = 60;

const DRAG_THRESHOLD = 8;
/** Space kept above (or below) a card scrolled into view: room for its focus ring. */
export const REVEAL_MARGIN = 12;
/** Per 16 ms frame: how much of the fling's speed survives, like a platform's feed. */
const FRICTION = 0.95;
const MIN_SPEED = 0.02;

export class Scroller {
  private scrollY = 0;
  private maxScroll = 0;
  private readonly cleanup: (() => void)[] = [];
  private fling = 0;
  private lastSnap = 0;
  /** The pointer dragging the list, from down to up (or cancel); null when none is. */
  private drag: {
    id: number;
    startY: number;
    startScroll: number;
    moved: boolean;
    target: HTMLElement | null;
    samples: { t: number; y: number }[];
  } | null = null;

  constructor(
    private readonly options: ScrollerOptions,
    private readonly momentum: () => boolean = () => true,
  ) {
    const { viewport } = options;
    const onWheel = (event: WheelEvent) => {
      event.preventDefault();
      this.stopFling();
      const { snap } = options;
      if (snap) {
        if (event.timeStamp - this.lastSnap < SNAP_PAUSE_MS || event.deltaY === 0) return;
        this.lastSnap = event.timeStamp;
        this.glideTo(snap(this.scrollY, event.deltaY > 0 ? 1 : -1));
        return;
      }
      this.scrollTo(this.scrollY + event.deltaY * (event.deltaMode === 1 ? 32 : 1));
    };
    const onDown = (event: PointerEvent) => {
      this.stopFling();
      this.drag = {
        id: event.pointerId,
        startY: event.clientY,
        startScroll: this.scrollY,
        moved: false,
        target: event.target as HTMLElement,
        samples: [{ t: event.timeStamp, y: event.clientY }],
      };
    };
    const onMove = (event: PointerEvent) => {
      const { drag } = this;
      if (!drag || drag.id !== event.pointerId) return;
      const dy = event.clientY - drag.startY;
      if (!drag.moved && Math.abs(dy) > DRAG_THRESHOLD) drag.moved = true;
      if (drag.moved) this.scrollTo(drag.startScroll - dy);
      drag.samples.push({ t: event.timeStamp, y: event.clientY });
      if (drag.samples.length > 6) drag.samples.shift();
    };
    const onUp = (event: PointerEvent) => {
      const { drag } = this;
      if (!drag || drag.id !== event.pointerId) return;
      if (drag.moved && drag.target)
        drag.target.closest('button')?.setAttribute('data-dragged', 'true');
      if (drag.moved && options.snap) {
        const moved = this.scrollY - drag.startScroll;
        const direction = Math.abs(moved) < SNAP_DRAG ? 0 : moved > 0 ? 1 : -1;
        this.glideTo(options.snap(direction === 0 ? this.scrollY : drag.startScroll, direction));
        this.drag = null;
        return;
      }
      const first = drag.samples[0];
      const last = drag.samples[drag.samples.length - 1];
      // Speed over the last few moves, in px per ms: a quick flick keeps the feed gliding.
      if (drag.moved && first && last && last.t - first.t > 0 && this.momentum()) {
        this.startFling(-(last.y - first.y) / (last.t - first.t));
      }
      this.drag = null;
    };
    // Focus inside an overflow:hidden box scrolls it natively; the camera owns scrolling.
    const onNativeScroll = () => {
      viewport.scrollTop = 0;
    };
    viewport.addEventListener('wheel', onWheel, { passive: false });
    viewport.addEventListener('pointerdown', onDown);
    window.addEventListener('pointermove', onMove);
    window.addEventListener('pointerup', onUp);
    // A gesture the browser took over ends the drag too, or the feed's glide would wait on it.
    window.addEventListener('pointercancel', onUp);
    viewport.addEventListener('scroll', onNativeScroll);
    // A snapping feed's swipes are the game's (touch-action: none), yet Chrome still runs
    // its own fling after a quick one and swallows any tap in the next half second or so
    // as "stop the fling": a tap on the video just snapped to did nothing. A cancelled
    // touchmove starts no fling.
    if (options.snap) {
      const onTouchMove = (event: TouchEvent) => event.preventDefault();
      viewport.addEventListener('touchmove', onTouchMove, { passive: false });
      this.cleanup.push(() => viewport.removeEventListener('touchmove', onTouchMove));
    }
    this.cleanup.push(
      () => viewport.removeEventListener('wheel', onWheel),
      () => viewport.removeEventListener('pointerdown', onDown),
      () => window.removeEventListener('pointermove', onMove),
      () => window.removeEventListener('pointerup', onUp),
      () => window.removeEventListener('pointercancel', onUp),
      () => viewport.removeEventListener('scroll', onNativeScroll),
    );
  }

  get position(): number {
    return this.scrollY;
  }

  /** The furthest the list scrolls: the end of the content. */
  get end(): number {
    return this.maxScroll;
  }

  /** A finger or mouse is dragging the list, or a fling still carries it. */
  get busy(): boolean {
    return this.drag !== null || this.fling !== 0;
  }

  setContentHeight(contentHeight: number, viewportHeight: number): void {
    this.maxScroll = Math.max(0, contentHeight - viewportHeight);
    this.scrollTo(this.scrollY);
  }

  scrollTo(y: number): void {
    this.scrollY = Math.max(0, Math.min(this.maxScroll, y));
    this.options.content.style.transform = `translateY(${-this.scrollY}px)`;
    this.options.onScroll(this.scrollY);
  }

  /** Scrolls just enough to show a band [top, top + height] of the content. */
  reveal(top: number, height: number, viewportHeight: number, margin = REVEAL_MARGIN): void {
    if (top - margin < this.scrollY) this.scrollTo(top - margin);
    else if (top + height + margin > this.scrollY + viewportHeight) {
      this.scrollTo(Math.min(top - margin, top + height + margin - viewportHeight));
    }
  }

  /** Moves to a snap stop: eased over a fifth of a second, or at once with reduced motion. */
  private glideTo(target: number): void {
    const from = this.scrollY;
    if (!this.momentum() || Math.abs(target - from) < 1) {
      this.scrollTo(target);
      return;
    }
    const start = performance.now();
    const step = (now: number) => {
      const progress = Math.min(1, (now - start) / 200);
      this.scrollTo(from + (target - from) * (1 - (1 - progress) ** 3));
      this.fling = progress < 1 ? requestAnimationFrame(step) : 0;
    };
    this.fling = requestAnimationFrame(step);
  }

  private startFling(speed: number): void {
    let velocity = speed;
    let previous = performance.now();
    const step = (now: number) => {
      const elapsed = Math.min(now - previous, 50);
      previous = now;
      this.scrollTo(this.scrollY + velocity * elapsed);
      velocity *= FRICTION ** (elapsed / 16);
      const atEdge = this.scrollY <= 0 || this.scrollY >= this.maxScroll;
      this.fling = Math.abs(velocity) > MIN_SPEED && !atEdge ? requestAnimationFrame(step) : 0;
    };
    this.fling = requestAnimationFrame(step);
  }

  private stopFling(): void {
    if (this.fling) cancelAnimationFrame(this.fling);
    this.fling = 0;
  }

  destroy(): void {
    this.stopFling();
    for (const undo of this.cleanup) undo();
  }
}

/**
 * A scroller whose list the scene's camera follows; `alsoOnScroll` moves whatever else
 * the scene scrolls. Momentum follows the motion preference. `drawing` is false once
 * the scene has stopped: a late focus or fling (e.g. after browser Back) then does nothing.
 */
export function cameraScroller(
  camera: { scrollY: number },
  drawing: () => boolean,
  list: { viewport: HTMLElement; content: HTMLElement },
  alsoOnScroll?: (scrollY: number) => void,
  snap?: ScrollerOptions['snap'],
): Scroller {
  return new Scroller(
    {
      ...list,
      ...(snap ? { snap } : {}),
      onScroll: (scrollY) => {
        if (!drawing()) return;
        camera.scrollY = scrollY;
        alsoOnScroll?.(scrollY);
      },
    },
    () => !reducedMotion(),
  );
}
