/**
 * The accessible DOM layer kept in step with the canvas: every actionable thing the
 * scene draws has a real <button> laid exactly over it (transparent, focusable, named
 * through i18next). Mouse, touch and keyboard all go through these buttons, so the
 * three inputs cannot drift apart, screen readers see the whole game, and end-to-end
 * tests drive it by role and name.
 */
export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface OverlayButton {
  readonly element: HTMLButtonElement;
  /** Places the button over a rectangle in canvas (CSS) pixels, relative to its parent. */
  place(rect: Rect): void;
  setLabel(label: string): void;
  setPressed(pressed: boolean | null): void;
  setDisabled(disabled: boolean): void;
  remove(): void;
}

export interface ButtonOptions {
  label: string;
  onActivate: () => void;
  /** Extra text a screen reader reads after the name (aria-describedby). */
  description?: string;
  /** Called when the button gets keyboard focus, e.g. to scroll it into view. */
  onFocus?: () => void;
}

export class AccessibleLayer {
  private readonly owned = new Set<Element>();
  private pending = 0;
  /** Messages said within one short burst, read out together. */
  private burst: string[] = [];

  constructor(
    readonly root: HTMLElement,
    private readonly announcer: HTMLElement,
  ) {}

  /** A heading for screen-reader navigation; scenes draw their visible title on the canvas. */
  heading(text: string, level: 1 | 2 = 1): HTMLHeadingElement {
    const heading = document.createElement(`h${level}`) as HTMLHeadingElement;
    heading.className = 'visually-hidden';
    heading.textContent = text;
    return this.adopt(heading);
  }

  /** Any element the scene wants in the layer (lists, notices, panels); removed on clear(). */
  adopt<T extends Element>(element: T): T {
    this.root.append(element);
    this.owned.add(element);
    return element;
  }

  /**
   * A list of buttons over the scrolling part of a canvas (the feed, the level list):
   * `viewport` clips to the area below a fixed header, `list` holds the items in
   * content coordinates and is moved by the Scroller.
   */
  scrollingList(top: number, label: string): { viewport: HTMLDivElement; list: HTMLDivElement } {
    const viewport = this.adopt(document.createElement('div'));
    Object.assign(viewport.style, {
      position: 'absolute',
      left: '0',
      right: '0',
      top: `${top}px`,
      bottom: '0',
      overflow: 'hidden',
    });
    const list = document.createElement('div');
    list.setAttribute('role', 'list');
    list.setAttribute('aria-label', label);
    Object.assign(list.style, { position: 'absolute', inset: '0' });
    viewport.append(list);
    return { viewport, list };
  }

  /**
   * A button over something the canvas draws. `parent` (default: the layer) lets a
   * scene clip a group of buttons, such as the feed's posts, to a viewport.
   */
  button(options: ButtonOptions, parent?: HTMLElement): OverlayButton {
    const element = document.createElement('button');
    element.type = 'button';
    element.className = 'hit';
    element.textContent = options.label;
    element.setAttribute('aria-label', options.label);
    let description: HTMLElement | null = null;
    if (options.description) {
      description = document.createElement('span');
      description.className = 'visually-hidden';
      description.id = `desc-${Math.random().toString(36).slice(2)}`;
      description.textContent = options.description;
      element.setAttribute('aria-describedby', description.id);
      (parent ?? this.root).append(description);
      this.owned.add(description);
    }
    element.addEventListener('click', (event) => {
      if (element.dataset.dragged === 'true') {
        // The pointer was dragging the feed, not tapping this button.
        event.preventDefault();
        delete element.dataset.dragged;
        return;
      }
      options.onActivate();
    });
    if (options.onFocus) element.addEventListener('focus', options.onFocus);
    (parent ?? this.root).append(element);
    this.owned.add(element);
    const layer = this;
    return {
      element,
      place(rect) {
        element.style.left = `${rect.x}px`;
        element.style.top = `${rect.y}px`;
        element.style.width = `${rect.width}px`;
        element.style.height = `${rect.height}px`;
      },
      setLabel(label) {
        element.textContent = label;
        element.setAttribute('aria-label', label);
      },
      setPressed(pressed) {
        if (pressed === null) element.removeAttribute('aria-pressed');
        else element.setAttribute('aria-pressed', String(pressed));
      },
      setDisabled(disabled) {
        element.disabled = disabled;
      },
      remove() {
        element.remove();
        description?.remove();
        layer.owned.delete(element);
        if (description) layer.owned.delete(description);
      },
    };
  }

  /**
   * Says something to screen-reader users without moving focus. Messages that come
   * within one burst are read as one update, so the region never floods and none is
   * lost (e.g. "ready offline" arriving just as a decision is announced).
   */
  announce(message: string): void {
    this.burst.push(message);
    // Clearing first makes a repeated message be read again.
    this.announcer.textContent = '';
    window.clearTimeout(this.pending);
    this.pending = window.setTimeout(() => {
      this.announcer.textContent = this.burst.join(' ');
      this.burst = [];
    }, 30);
  }

  /** Removes everything the current scene put in the layer. */
  clear(): void {
    for (const element of this.owned) element.remove();
    this.owned.clear();
  }
}
