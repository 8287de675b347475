/**
 * Vertical scrolling for a canvas list (the feed, the level list): wheel, drag and
 * touch on the accessible layer move the camera, and the layer's buttons move with
 * it. A drag never counts as a tap on the post under the finger.
 */
export interface ScrollerOptions {
  /** The clipped DOM area over the scrolling part of the canvas. */
  viewport: HTMLElement;
  /** Holds the buttons, in content coordinates; moved with a transform. */
  content: HTMLElement;
  onScroll: (scrollY: number) => void;
}

const DRAG_THRESHOLD = 8;

export class Scroller {
  private scrollY = 0;
  private maxScroll = 0;
  private readonly cleanup: (() => void)[] = [];

  constructor(private readonly options: ScrollerOptions) {
    const { viewport } = options;
    const onWheel = (event: WheelEvent) => {
      event.preventDefault();
      this.scrollTo(this.scrollY + event.deltaY * (event.deltaMode === 1 ? 32 : 1));
    };
    let drag: {
      id: number;
      startY: number;
      startScroll: number;
      moved: boolean;
      target: HTMLElement | null;
    } | null = null;
    const onDown = (event: PointerEvent) => {
      drag = {
        id: event.pointerId,
        startY: event.clientY,
        startScroll: this.scrollY,
        moved: false,
        target: event.target as HTMLElement,
      };
    };
    const onMove = (event: PointerEvent) => {
      if (!drag || drag.id !== event.pointerId) return;
      const dy = event.clientY - drag.startY;
      if (!drag.moved && Math.abs(dy) > DRAG_THRESHOLD) drag.moved = true;
      if (drag.moved) this.scrollTo(drag.startScroll - dy);
    };
    const onUp = (event: PointerEvent) => {
      if (!drag || drag.id !== event.pointerId) return;
      if (drag.moved && drag.target)
        drag.target.closest('button')?.setAttribute('data-dragged', 'true');
      drag = null;
    };
    // Focus inside an overflow:hidden box scrolls it natively; the camera owns scrolling.
    const onNativeScroll = () => {
      viewport.scrollTop = 0;
    };
    viewport.addEventListener('wheel', onWheel, { passive: false });
    viewport.addEventListener('pointerdown', onDown);
    window.addEventListener('pointermove', onMove);
    window.addEventListener('pointerup', onUp);
    viewport.addEventListener('scroll', onNativeScroll);
    this.cleanup.push(
      () => viewport.removeEventListener('wheel', onWheel),
      () => viewport.removeEventListener('pointerdown', onDown),
      () => window.removeEventListener('pointermove', onMove),
      () => window.removeEventListener('pointerup', onUp),
      () => viewport.removeEventListener('scroll', onNativeScroll),
    );
  }

  get position(): number {
    return this.scrollY;
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
  reveal(top: number, height: number, viewportHeight: number, margin = 12): void {
    if (top - margin < this.scrollY) this.scrollTo(top - margin);
    else if (top + height + margin > this.scrollY + viewportHeight) {
      this.scrollTo(Math.min(top - margin, top + height + margin - viewportHeight));
    }
  }

  destroy(): void {
    for (const undo of this.cleanup) undo();
  }
}
