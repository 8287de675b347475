import { describe, expect, it } from 'vitest';
import { histogram, summarizeClass, uniqueResults } from '../../../src/core/workshop/aggregate';
import { csvCell, toCsv } from '../../../src/core/workshop/csv';
import { classOfFive } from './class-of-five';

// z(5/6) = 0.967421566: with 2 manipulative and 2 genuine posts, H and F are 1/6, 1/2 or 5/6.
const Z = 0.967421566;

describe('class dashboard numbers (hand-computed class of five)', () => {
  const summary = summarizeClass(classOfFive());

  it("gives each student's hits, false alarms, d', bias and time", () => {
    expect(summary.students.map((s) => [s.nickname, s.hits, s.falseAlarms, s.seconds])).toEqual([
      ['Ada', 2, 0, 300],
      ['Ben', 1, 1, 240],
      ['Cai', 1, 1, 600],
      ['Dana', 2, 0, 200],
      ['Eli', 0, 0, 100],
    ]);
    const dPrimes = summary.students.map((s) => s.dPrime);
    for (const [index, expected] of [2 * Z, 0, 0, 2 * Z, 0].entries())
      expect(dPrimes[index]).toBeCloseTo(expected, 6);
    expect(summary.students[4]?.bias).toBeCloseTo(Z, 6);
  });

  it('pools per-tactic precision and recall over the class', () => {
    // nationalism: TP Ada, Cai, Dana; FP Ben (p4), Dana (p2); FN Ben, Eli.
    // misinformation: TP Ada, Ben; FP Cai twice (p1, p3); FN Cai, Dana, Eli.
    expect(summary.tactics).toEqual([
      {
        id: 'nationalism',
        truePositives: 3,
        falsePositives: 2,
        falseNegatives: 2,
        precision: 0.6,
        recall: 0.6,
      },
      {
        id: 'misinformation',
        truePositives: 2,
        falsePositives: 2,
        falseNegatives: 3,
        precision: 0.5,
        recall: 0.4,
      },
    ]);
  });

  it("means d', bias and time over the students", () => {
    expect(summary.meanDPrime).toBeCloseTo((4 * Z) / 5, 6);
    expect(summary.meanBias).toBeCloseTo(Z / 5, 6);
    expect(summary.meanSeconds).toBe(288);
    expect(summary.setups).toBe(1);
  });

  it('lists the posts most often missed or wrongly flagged first', () => {
    expect(
      summary.posts.map((p) => [p.postId, p.missed, p.wronglyFlagged, p.answered, p.errorRate]),
    ).toEqual([
      ['p1', 2, 0, 5, 0.4],
      ['p2', 2, 0, 5, 0.4],
      ['p3', 0, 1, 5, 0.2],
      ['p4', 0, 1, 5, 0.2],
    ]);
  });

  it("bins the d' distribution without gaps at the ends", () => {
    const bins = histogram(
      summary.students.map((s) => s.dPrime),
      0.5,
    );
    expect(bins).toEqual([
      { from: 0, to: 0.5, count: 3 },
      { from: 0.5, to: 1, count: 0 },
      { from: 1, to: 1.5, count: 0 },
      { from: 1.5, to: 2, count: 2 },
    ]);
    expect(histogram([], 0.5)).toEqual([]);
  });

  it('scores the headline check per phase and the change from pre to post', () => {
    const near = (value: Record<string, number>) =>
      Object.fromEntries(Object.entries(value).map(([k, v]) => [k, expect.closeTo(v, 9)]));
    expect(summary.checks).toEqual([
      {
        phase: 'pre',
        students: 3,
        mean: near({
          veracity: 8 / 3,
          realDetection: 4 / 3,
          fakeDetection: 4 / 3,
          distrust: 2 / 3,
          naivety: 2 / 3,
        }),
      },
      {
        phase: 'post',
        students: 2,
        mean: { veracity: 3.5, realDetection: 1.5, fakeDetection: 2, distrust: 0.5, naivety: 0 },
      },
    ]);
    // Ada: V +2, f +2, n -2. Ben: V +1, r +1, d -1. Discernment up, distrust not.
    expect(summary.checkChange).toEqual({
      students: 2,
      veracity: 1.5,
      realDetection: 0.5,
      fakeDetection: 1,
      distrust: -0.5,
      naivety: -1,
    });
  });

  it('counts a result dropped twice once', () => {
    const results = classOfFive();
    expect(uniqueResults([...results, results[0] as (typeof results)[0]])).toHaveLength(5);
  });

  it('has no students and no means for an empty class', () => {
    expect(summarizeClass([])).toMatchObject({ students: [], meanDPrime: null, setups: 0 });
  });
});

describe('CSV export', () => {
  it('quotes commas, quotes and line breaks, and writes numbers as numbers', () => {
    expect(
      toCsv([
        ['name', 'd'],
        ['Lee, "Jo"', 1.5],
        ['two\nlines', null],
      ]),
    ).toBe('name,d\r\n"Lee, ""Jo""",1.5\r\n"two\nlines",\r\n');
  });

  it('keeps a nickname that looks like a formula as text', () => {
    expect(csvCell('=HYPERLINK("http://x")')).toBe('"\'=HYPERLINK(""http://x"")"');
    expect(csvCell('+1')).toBe("'+1");
    expect(csvCell('-2')).toBe("'-2");
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvCell(-2)).toBe('-2');
  });
});
