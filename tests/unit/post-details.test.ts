/**
 * The platform details a level may leave out (issue 17) get defaults from the rest of
 * the post, so the shipped levels look right on their platform without those fields.
 */
import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { type Level, LevelSchema, type Post } from '../../src/core/level/schema';
import {
  imageCount,
  inMoments,
  isForwarded,
  linkStyle,
  memberCount,
  topicOf,
  verifiedKind,
} from '../../src/platforms/shared/post-details';
import { type LevelJson, validLevel } from './level-fixture';

function level(change: (json: LevelJson) => void = () => {}): Level {
  const json = validLevel();
  change(json);
  return v.parse(LevelSchema, json);
}

const post = (lvl: Level, index = 0): Post => lvl.posts[index] as Post;

describe('platform details of a post', () => {
  it('puts a post without a group in Moments and a chat message in the chat, unless told', () => {
    expect(inMoments(post(level()))).toBe(true);
    const chat = level((json) => {
      json.posts[0].kind = 'chat';
    });
    expect(inMoments(post(chat))).toBe(false);
    const grouped = level((json) => {
      json.posts[0].group = { en: 'Parents', ru: 'Родители' };
    });
    expect(inMoments(post(grouped))).toBe(false);
    const told = level((json) => {
      json.posts[0].group = { en: 'Parents', ru: 'Родители' };
      json.posts[0].moment = true;
    });
    expect(inMoments(post(told))).toBe(true);
  });

  it('marks a chat message with a link as forwarded, and shows a checked address without a link as a QR code', () => {
    const forwarded = level((json) => {
      json.posts[0].kind = 'chat';
      json.posts[0].link = { title: { en: 'Jobs', ru: 'Работа' }, url: 'https://jobs.example.com' };
    });
    expect(isForwarded(post(forwarded))).toBe(true);
    expect(linkStyle(post(forwarded))).toBe('card');
    expect(isForwarded(post(level()))).toBe(false);
    expect(linkStyle(post(level()))).toBeNull();
    const qr = level((json) => {
      json.posts[0].media = { en: 'A poster with a QR code', ru: 'Плакат с QR-кодом' };
      json.posts[0].investigation = {
        link: {
          destination: 'https://sign-up.example.net',
          domainAgeDays: 3,
          finding: { en: 'New.', ru: 'Новый.' },
        },
      };
    });
    expect(linkStyle(post(qr))).toBe('qr');
  });

  it('counts at least every member who posts in a group, the same each time, or the given count', () => {
    const group = { en: 'Parents', ru: 'Родители' };
    const grouped = level((json) => {
      for (const item of json.posts) item.group = group;
    });
    const count = memberCount(grouped, group);
    expect(count).toBeGreaterThanOrEqual(3);
    expect(memberCount(grouped, group)).toBe(count);
    const given = level((json) => {
      for (const item of json.posts) item.group = group;
      json.posts[1].members = 12;
    });
    expect(memberCount(given, group)).toBe(12);
  });

  it("takes the #topic# from the field, or else from the text's first hashtag", () => {
    const plain = post(level());
    expect(topicOf(plain, 'Vote for #CleanRiver today', 'en')).toBe('CleanRiver');
    expect(topicOf(plain, '今天 #清洁河流# 活动', 'zh-Hans')).toBe('清洁河流');
    expect(topicOf(plain, 'No tags here.', 'en')).toBeNull();
    const given = post(
      level((json) => (json.posts[0].topic = { en: '#Harvest#', ru: '#Урожай#' })),
    );
    expect(topicOf(given, 'Vote for #CleanRiver', 'ru')).toBe('Урожай');
  });

  it('shows one picture for media unless the post says how many, and a verified mark of the given kind', () => {
    expect(imageCount(post(level()))).toBe(0);
    const media = level((json) => (json.posts[0].media = { en: 'A cat', ru: 'Кот' }));
    expect(imageCount(post(media))).toBe(1);
    const grid = level((json) => {
      json.posts[0].media = { en: 'A cat', ru: 'Кот' };
      json.posts[0].images = 6;
    });
    expect(imageCount(post(grid))).toBe(6);
    expect(verifiedKind(undefined)).toBeNull();
    const verified = level((json) => (json.accounts[0].verified = true));
    expect(verifiedKind(verified.accounts[0])).toBe('person');
    const outlet = level((json) => {
      json.accounts[0].verified = true;
      json.accounts[0].verifiedKind = 'media';
    });
    expect(verifiedKind(outlet.accounts[0])).toBe('media');
  });
});
