import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  HISTORY_LIMIT,
  MERGE_WINDOW_MS,
  record,
  redo,
  startHistory,
  undo,
} from '../../../src/core/editor/history';

describe('editor history', () => {
  it('undoes and redoes one change at a time', () => {
    let history = startHistory('a');
    history = record(history, 'b');
    history = record(history, 'c');
    history = undo(history);
    expect(history.present).toBe('b');
    history = undo(history);
    expect(history.present).toBe('a');
    expect(undo(history)).toBe(history);
    history = redo(redo(history));
    expect(history.present).toBe('c');
    expect(redo(history)).toBe(history);
  });

  it('merges typing in one field into one step, but not after a pause or in another field', () => {
    let history = startHistory('');
    history = record(history, 'h', 'title.en', 1000);
    history = record(history, 'he', 'title.en', 1200);
    history = record(history, 'hey', 'title.en', 1400);
    expect(undo(history).present).toBe('');
    history = record(history, 'hey!', 'title.en', 1400 + MERGE_WINDOW_MS);
    expect(undo(history).present).toBe('hey');
    history = record(history, 'hey!?', 'title.ru', 1400 + MERGE_WINDOW_MS + 10);
    expect(undo(history).present).toBe('hey!');
  });

  it('forgets what was undone once something new is done', () => {
    let history = record(record(startHistory(1), 2), 3);
    history = record(undo(history), 4);
    expect(history.future).toEqual([]);
    expect(undo(history).present).toBe(2);
  });

  it('keeps at most HISTORY_LIMIT steps', () => {
    let history = startHistory(0);
    for (let n = 1; n <= HISTORY_LIMIT + 50; n++) history = record(history, n);
    expect(history.past).toHaveLength(HISTORY_LIMIT);
  });

  it('undo then redo returns to the same state, whatever was recorded', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer(), { minLength: 1, maxLength: 30 }),
        fc.nat(40),
        (values, back) => {
          let history = startHistory(-1);
          for (const value of values) history = record(history, value);
          const end = history.present;
          for (let n = 0; n < back; n++) history = undo(history);
          for (let n = 0; n < back; n++) history = redo(history);
          expect(history.present).toBe(end);
        },
      ),
    );
  });
});
