/** Whether the launch URL says a learning platform started the game, and how. */
import { describe, expect, it } from 'vitest';
import { lmsLaunchFrom } from '../../src/services/lms/launch';

const launch = (query: string) => lmsLaunchFrom(new URLSearchParams(query));

describe('lmsLaunchFrom', () => {
  it('finds no launch in an ordinary link: nothing changes for players', () => {
    expect(launch('')).toBeNull();
    expect(launch('level=tutorial&seed=x&lang=en')).toBeNull();
    expect(launch('lms=moodle&level=tutorial')).toBeNull();
    expect(launch('lms=scorm12')).toBeNull();
    expect(launch('lms=scorm12&level=tutorial&check=pre')).toBeNull();
  });

  it('reads the headline check before or after play as a unit of its own', () => {
    expect(launch('lms=scorm12&check=post')).toMatchObject({ levelId: null, check: 'post' });
    expect(launch('lms=scorm12&check=later')).toBeNull();
  });

  it('reads a SCORM package launch with its level, mode and pass mark', () => {
    expect(launch('lms=scorm2004&level=tutorial&mode=exam&pass=70')).toEqual({
      kind: 'scorm2004',
      levelId: 'tutorial',
      check: null,
      mode: 'exam',
      passMark: 70,
      cmi5: null,
    });
    expect(launch('lms=scorm12&level=tutorial&mode=sprint&pass=170')).toMatchObject({
      mode: null,
      passMark: null,
    });
    expect(launch('lms=scorm12&level=tutorial&pass=')?.passMark).toBeNull();
  });

  it('needs every cmi5 launch parameter the LMS adds; the package opened alone reports nothing', () => {
    expect(launch('lms=cmi5&level=tutorial')).toBeNull();
    const full = launch(
      'lms=cmi5&level=tutorial&endpoint=https://lrs.example/xapi/&fetch=https://lms.example/f/1' +
        '&actor=%7B%22mbox%22%3A%22mailto%3Aa%40b.example%22%7D&registration=r-1&activityId=urn:x:au',
    );
    expect(full?.cmi5).toEqual({
      endpoint: 'https://lrs.example/xapi/',
      fetchUrl: 'https://lms.example/f/1',
      actor: '{"mbox":"mailto:a@b.example"}',
      registration: 'r-1',
      activityId: 'urn:x:au',
    });
  });
});
