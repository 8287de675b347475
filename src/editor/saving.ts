/**
 * Saving the open draft: a pause in typing saves it, a closed tab flushes it, and a
 * draft another tab saved meanwhile is kept beside this tab's work, not overwritten.
 */
import { type Draft, newDraftId } from '../core/editor/drafts';
import type { Level } from '../core/level/schema';
import type { Translator } from '../services/i18n';
import { el } from '../ui/dialog';
import type { DraftStore, SaveResult } from './draft-store';

export class DraftSaver {
  private saveTimer = 0;
  private saved: SaveResult | 'pending' = 'saved';
  /** This tab's work went to a new draft because another tab saved the same one. */
  private forked = false;
  /** The save status line the editor shows. */
  readonly status = el('p', null, 'editor-status');

  constructor(
    private readonly store: DraftStore,
    private readonly translator: Translator,
    private current: Draft,
    private readonly level: () => Level,
    private readonly settleMs: number,
    /** Told when this tab's work moved to a new draft. */
    private readonly forkedTo: (draft: Draft) => void,
  ) {}

  get draft(): Draft {
    return this.current;
  }

  rename(name: string): void {
    this.current = { ...this.current, name };
    this.schedule();
  }

  schedule(): void {
    this.saved = 'pending';
    this.showStatus();
    window.clearTimeout(this.saveTimer);
    this.saveTimer = window.setTimeout(() => this.flush(), this.settleMs);
  }

  /** Saves now if anything is waiting. */
  flush(): void {
    window.clearTimeout(this.saveTimer);
    if (this.saved !== 'pending') return;
    const stored = this.store.load(this.current.id);
    if (stored && stored.savedAt > this.current.savedAt) {
      // Another tab saved this draft since this one last did: both are kept, this
      // tab's work as a new draft, so neither overwrites the other.
      const { t } = this.translator;
      this.current = {
        ...this.current,
        id: newDraftId(Date.now(), Math.random),
        name: t('editor:save.forkName', { name: this.current.name }),
      };
      this.forked = true;
      this.forkedTo(this.current);
    }
    this.current = { ...this.current, level: this.level(), savedAt: Date.now() };
    this.saved = this.store.save(this.current);
    this.showStatus();
  }

  showStatus(): void {
    const { t } = this.translator;
    const words: Record<typeof this.saved, string> = {
      saved: t('editor:save.saved'),
      pending: t('editor:save.pending'),
      full: t('editor:save.full'),
      unavailable: t('editor:save.unavailable'),
    };
    this.status.textContent =
      this.forked && this.saved === 'saved'
        ? t('editor:save.forked', { name: this.current.name })
        : words[this.saved];
    // Said aloud only when something needs the trainer: "Saving…" and "Saved" after
    // every pause in typing would talk over the screen reader reading the form.
    const trouble = this.saved === 'full' || this.saved === 'unavailable';
    this.status.classList.toggle('notice', trouble);
    if (trouble || (this.forked && this.saved === 'saved'))
      this.status.setAttribute('role', 'alert');
    else this.status.removeAttribute('role');
  }
}
