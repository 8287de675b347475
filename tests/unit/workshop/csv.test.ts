/** The dashboard's CSV exports, built in the core from the class summary. */
import { describe, expect, it } from 'vitest';
import { summarizeClass } from '../../../src/core/workshop/aggregate';
import { postsCsv, studentsCsv } from '../../../src/core/workshop/csv';
import { classOfFive } from './class-of-five';

const rows = (csv: string) => csv.trimEnd().split('\r\n');

describe('class CSV exports', () => {
  const summary = summarizeClass(classOfFive());

  it('has one row per student, headed by the columns a spreadsheet needs', () => {
    const [header, ...students] = rows(studentsCsv(summary));
    expect(header).toMatch(
      /^nickname,levels,posts,hits,misses,false_alarms,correct_passes,d_prime,bias,percent,seconds,recall_/,
    );
    expect(header).toContain('check_pre_veracity');
    expect(students.map((line) => line.split(',')[0])).toEqual([
      'Ada',
      'Ben',
      'Cai',
      'Dana',
      'Eli',
    ]);
    // Ada: 2 hits, 0 misses, 0 false alarms, 2 correct passes; d' to three places.
    expect(students[0]).toMatch(/^Ada,[^,]+,4,2,0,0,2,1\.935,0,/);
  });

  it('has one row per post with its error rate', () => {
    const [header, ...posts] = rows(postsCsv(summary));
    expect(header).toBe('level,post,manipulative,answered,missed,wrongly_flagged,error_rate');
    expect(posts).toHaveLength(summary.posts.length);
    for (const line of posts) expect(line.split(',')).toHaveLength(7);
  });
});
