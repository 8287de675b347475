/**
 * A small valid level and helpers for the level tests: each test changes one thing in
 * a fresh copy and looks at what the validator says about it.
 */
import taxonomy from '../../levels/taxonomy.json' with { type: 'json' };
import validation from '../../locales/en/validation.json' with { type: 'json' };
import type { Problem } from '../../src/core/level/problem';
import { type LevelValidationOptions, validateLevelSource } from '../../src/core/level/validate';

export const BUILT_IN_TACTICS: readonly string[] = taxonomy.tactics.map((tactic) => tactic.id);
export const OPTIONS: LevelValidationOptions = { builtInTactics: BUILT_IN_TACTICS };

// biome-ignore lint/suspicious/noExplicitAny: tests reach into the level to break it on purpose.
export type LevelJson = Record<string, any>;

/** A fresh, valid two-language level: two accounts, one genuine and one manipulative post. */
export function validLevel(): LevelJson {
  return {
    formatVersion: 1,
    id: 'fixture',
    order: 5,
    languages: ['en', 'ru'],
    title: { en: 'Fixture', ru: 'Образец' },
    platform: 'microblog',
    briefing: { en: 'Look closely.', ru: 'Смотрите внимательно.' },
    goals: [{ en: 'Spot the ad.', ru: 'Найдите рекламу.' }],
    debrief: { en: 'Well done.', ru: 'Молодцы.' },
    discussion: [{ en: 'What gave it away?', ru: 'Что его выдало?' }],
    passMark: 50,
    accounts: [
      {
        id: 'anna',
        name: { en: 'Anna', ru: 'Анна' },
        handle: '@anna',
        accountAgeDays: 1000,
        followers: 10,
        following: 20,
        bio: { en: 'Gardener.', ru: 'Садовница.' },
      },
      {
        id: 'recruiter',
        name: { en: 'Fast Jobs', ru: 'Быстрая работа' },
        handle: '@fast.jobs',
        accountAgeDays: 3,
        followers: 1,
        following: 900,
        bio: { en: 'Write now!', ru: 'Пишите сейчас!' },
      },
    ],
    posts: [
      {
        id: 'p-genuine',
        author: 'anna',
        kind: 'text',
        text: { en: 'My tomatoes are ripe.', ru: 'Мои помидоры созрели.' },
        minutesAgo: 5,
        truth: {
          tactics: [],
          lure: false,
          whyGenuine: { en: 'An ordinary post.', ru: 'Обычный пост.' },
        },
      },
      {
        id: 'p-lure',
        author: 'recruiter',
        kind: 'ad',
        text: { en: 'Huge bonus! Message us now.', ru: 'Огромный бонус! Пишите нам.' },
        minutesAgo: 9,
        truth: {
          tactics: ['economic-incentive'],
          lure: true,
          evidence: [{ en: 'Huge bonus', ru: 'Огромный бонус' }],
          explanations: {
            'economic-incentive': { en: 'Money first.', ru: 'Сначала деньги.' },
            lure: { en: 'It asks you to write.', ru: 'Просит написать.' },
          },
        },
      },
    ],
  };
}

/** The level as a trainer's file: pretty-printed, so problems have distinct lines. */
export function levelText(level: LevelJson): string {
  return JSON.stringify(level, null, 2);
}

export function check(level: LevelJson | string, options: LevelValidationOptions = OPTIONS) {
  return validateLevelSource(typeof level === 'string' ? level : levelText(level), options);
}

/** The problems of a level that must be invalid; fails the test if it is valid. */
export function problemsOf(
  level: LevelJson | string,
  options: LevelValidationOptions = OPTIONS,
): Problem[] {
  const result = check(level, options);
  if (result.ok) throw new Error('expected the level to be refused, but it is valid');
  return result.problems;
}

/** Every message code of locales/en/validation.json, such as `level.unknown-author`. */
export function messageCodes(): string[] {
  const codes: string[] = [];
  const walk = (node: unknown, prefix: string) => {
    if (typeof node === 'string') codes.push(prefix);
    else if (typeof node === 'object' && node !== null) {
      for (const [key, child] of Object.entries(node))
        walk(child, prefix === '' ? key : `${prefix}.${key}`);
    }
  };
  walk(validation, '');
  return codes.filter((code) => code !== 'where' && code !== 'whole-file');
}

/** 1-based line and column where `needle` first occurs in `text` (after `after`, if given). */
export function positionOf(
  text: string,
  needle: string,
  after = '',
): { line: number; column: number } {
  const start = after === '' ? 0 : text.indexOf(after);
  const offset = text.indexOf(needle, start);
  if (start < 0 || offset < 0) throw new Error(`"${needle}" not found`);
  const before = text.slice(0, offset).split('\n');
  return { line: before.length, column: (before.at(-1) ?? '').length + 1 };
}
