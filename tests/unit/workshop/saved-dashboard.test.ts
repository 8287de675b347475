import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  MAX_SAVED_RESULTS,
  parseDashboard,
  serializeDashboard,
} from '../../../src/core/workshop/saved-dashboard';

describe("the dashboard's saved results", () => {
  it('round-trips any list of codes', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ maxLength: 40 }), { maxLength: 30 }), (codes) => {
        expect(parseDashboard(serializeDashboard(codes))).toEqual({ status: 'ok', codes });
      }),
    );
  });

  it('keeps the newest results when there are more than it holds', () => {
    const codes = Array.from({ length: MAX_SAVED_RESULTS + 3 }, (_, n) => `r1.${n}`);
    const loaded = parseDashboard(serializeDashboard(codes));
    expect(loaded.codes).toHaveLength(MAX_SAVED_RESULTS);
    expect(loaded.codes[0]).toBe('r1.3');
  });

  it('reads nothing as empty, and says why it cannot read the rest', () => {
    expect(parseDashboard(null)).toEqual({ status: 'empty', codes: [] });
    expect(parseDashboard('')).toEqual({ status: 'empty', codes: [] });
    for (const text of ['{', '[]', '42', '{"version":2,"codes":[]}', '{"version":1}']) {
      const loaded = parseDashboard(text);
      expect(loaded.status, text).toBe('unreadable');
      expect(loaded.codes).toEqual([]);
    }
  });

  it('keeps the readable codes of a damaged list and reports the rest', () => {
    const loaded = parseDashboard('{"version":1,"codes":["r1.a",7,null,"r1.b"]}');
    expect(loaded).toEqual({
      status: 'unreadable',
      codes: ['r1.a', 'r1.b'],
      reason: '2 entries are not codes',
    });
  });

  it('never throws, whatever the text', () => {
    fc.assert(
      fc.property(fc.string(), (text) => {
        expect(() => parseDashboard(text)).not.toThrow();
      }),
    );
  });
});
