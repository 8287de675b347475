import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeResult, encodeResult } from '../../../src/core/workshop/result';
import { ADD_RESULT_HASH, resultCodeInScan } from '../../../src/core/workshop/scan';
import { classOfFive } from './class-of-five';

const [ada] = classOfFive();
if (!ada) throw new Error('the class of five has no students');
const code = encodeResult(ada);

describe("what the dashboard's scanner reads from a QR code", () => {
  it("reads a student's result QR code (a dashboard link) as their result", () => {
    for (const link of [
      `https://school.example/flag-the-feed/?dashboard${ADD_RESULT_HASH}${code}`,
      `http://127.0.0.1:4173/?dashboard&lang=uk${ADD_RESULT_HASH}${encodeURIComponent(code)}`,
    ]) {
      const read = decodeResult(resultCodeInScan(link));
      expect(read.ok && read.result.nickname).toBe('Ada');
      expect(read.ok && read.result.checksum).toBe(ada.checksum);
    }
  });

  it('reads a bare result code, with the spaces a QR app may add', () => {
    expect(resultCodeInScan(`  ${code}\n`)).toBe(code);
  });

  it('passes anything else on unchanged, so the dashboard refuses it with its reason', () => {
    for (const text of ['https://example.org/lunch-menu', 'WIFI:S:class;T:WPA;P:secret;;']) {
      expect(resultCodeInScan(text)).toBe(text);
      expect(decodeResult(resultCodeInScan(text))).toMatchObject({ ok: false, reason: 'foreign' });
    }
  });

  it('never throws on a broken link, and a damaged code is refused, not added', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 60 }), (tail) => {
        const text = resultCodeInScan(`https://x/?dashboard${ADD_RESULT_HASH}${tail}`);
        expect(typeof text).toBe('string');
      }),
    );
    expect(resultCodeInScan(`?dashboard${ADD_RESULT_HASH}r1.%E0%A4%A`)).toBe('r1.%E0%A4%A');
    const cut = resultCodeInScan(`https://x/?dashboard${ADD_RESULT_HASH}${code.slice(0, -12)}`);
    expect(decodeResult(cut).ok).toBe(false);
  });
});
