/**
 * Custom messages here are i18n keys of the `validation` namespace, so the
 * validator's words are translated like every other string.
 *
 * The level format: one definition that gives the TypeScript types (InferOutput),
 * the runtime validator (valibot) and the JSON Schema editors use
 * (`npm run levels:schema` writes levels/level.schema.json from it).
 */
import * as v from 'valibot';
import { MODES } from '../mode-names';
import {
  OUTFITS,
  PANS,
  PROPS,
  SETTINGS,
  TEXT_PLACES,
  TEXT_STYLES,
  ZOOMS,
} from '../picture-catalog';

export const FORMAT_VERSION = 1;

/** BCP 47-style language tags as used in locales/: en, ru, uk, zh-Hans. */
export const LANGUAGE_TAG = /^[a-z]{2,3}(-[A-Z][a-z]{3})?(-[A-Z]{2})?$/;
const ID = /^[a-z0-9][a-z0-9_-]*$/;

const id = () => v.pipe(v.string(), v.regex(ID, 'schema.id'), v.maxLength(64));

/** A player-facing string in every language the level declares: { "en": "...", "ru": "..." }. */
export const LocalizedTextSchema = v.pipe(
  v.record(
    v.pipe(v.string(), v.regex(LANGUAGE_TAG, 'schema.language-tag')),
    v.pipe(v.string(), v.maxLength(4000)),
  ),
  v.description('Text in each of the level\'s languages, e.g. { "en": "Hello", "ru": "Привет" }'),
);

const count = v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(1e10));

export const TacticSchema = v.strictObject({
  id: id(),
  name: LocalizedTextSchema,
  short: LocalizedTextSchema,
  tells: v.array(LocalizedTextSchema),
  explanation: LocalizedTextSchema,
  colour: v.pipe(v.string(), v.hexColor('schema.colour')),
  icon: v.pipe(
    v.string(),
    v.maxLength(4),
    v.description('One emoji or symbol shown with the colour'),
  ),
});

// --- How a post looks on its platform (issue 17). Every field is optional: the game
// derives a default from the rest of the post (src/platforms/shared/post-details.ts).
export const VERIFIED_KINDS = ['person', 'organisation', 'media'] as const;
export const LINK_STYLES = ['card', 'mini-program', 'qr'] as const;

/** A post quoted in a Buzzline repost chain: "//@handle: text". */
export const RepostSchema = v.strictObject({
  handle: v.pipe(v.string(), v.regex(/^@[A-Za-z0-9_.-]{1,40}$/, 'schema.handle')),
  text: LocalizedTextSchema,
});

const PLATFORM_POST_FIELDS = {
  members: v.optional(
    v.pipe(count, v.minValue(2), v.description("Natter: how many members the post's group has")),
  ),
  forwarded: v.optional(
    v.pipe(
      v.boolean(),
      v.description('Natter: marked "Forwarded" (default: a chat post with a link)'),
    ),
  ),
  voiceSeconds: v.optional(
    v.pipe(
      count,
      v.minValue(1),
      v.maxValue(60),
      v.description('Natter: a voice note this long; the post text is its transcript'),
    ),
  ),
  sticker: v.optional(
    v.pipe(
      v.string(),
      v.maxLength(16),
      // No flags: JSON Schema patterns have none. No spaces, letters or digits: a sticker is a picture.
      v.regex(/^[^\sA-Za-z0-9]+$/, 'schema.sticker'),
      v.description('Natter: a large sticker (one emoji) sent before the text'),
    ),
  ),
  linkStyle: v.optional(
    v.pipe(
      v.picklist(LINK_STYLES, 'schema.one-of'),
      v.description(
        'How the link shows: a link card, a mini-program card or a QR code (default: "qr" when only investigation.link has an address, else "card")',
      ),
    ),
  ),
  moment: v.optional(
    v.pipe(
      v.boolean(),
      v.description(
        'Natter: shown in Moments rather than the group chat (default: a post without a group that is not a chat)',
      ),
    ),
  ),
  live: v.optional(v.pipe(v.boolean(), v.description('Loopy: a live stream, labelled "Live"'))),
  topic: v.optional(
    v.pipe(
      LocalizedTextSchema,
      v.description(
        'Buzzline: the #topic# the post belongs to (default: the first #hashtag in the text)',
      ),
    ),
  ),
  reposts: v.optional(
    v.pipe(
      v.array(RepostSchema),
      v.maxLength(5),
      v.description('Buzzline: the repost chain, newest first, shown as "//@handle: text"'),
    ),
  ),
  images: v.optional(
    v.pipe(
      count,
      v.minValue(1),
      v.maxValue(9),
      v.description(
        'Buzzline: how many pictures the post has, shown as a grid (default 1 with media)',
      ),
    ),
  ),
};

const PLATFORM_ACCOUNT_FIELDS = {
  verifiedKind: v.optional(
    v.pipe(
      v.picklist(VERIFIED_KINDS, 'schema.one-of'),
      v.description('Which verified mark a verified account has (default "person")'),
    ),
  ),
};
// --- end of the platform fields.

export const AccountSchema = v.strictObject({
  id: id(),
  name: LocalizedTextSchema,
  handle: v.pipe(v.string(), v.regex(/^@[A-Za-z0-9_.-]{1,40}$/, 'schema.handle')),
  verified: v.optional(v.boolean(), false),
  accountAgeDays: v.pipe(count, v.description('How old the account is, in days')),
  followers: count,
  following: count,
  bio: LocalizedTextSchema,
  history: v.optional(
    v.pipe(
      v.array(LocalizedTextSchema),
      v.description('Summaries of what the account posted before'),
    ),
    [],
  ),
  ...PLATFORM_ACCOUNT_FIELDS,
});

export const POST_KINDS = ['text', 'image', 'video', 'chat', 'ad'] as const;
export const PLATFORMS = ['messenger', 'shortvideo', 'microblog'] as const;

// The mode names live in a module without valibot, so code that needs only them (the
// level list, settings, resume) does not pull the validator into the title's bundle.
export { MODES };

export const CommentSchema = v.strictObject({
  author: LocalizedTextSchema,
  text: LocalizedTextSchema,
});

export const TruthSchema = v.strictObject({
  tactics: v.pipe(
    v.array(v.string()),
    v.description('The tactic ids this post uses; empty for a genuine post'),
  ),
  lure: v.pipe(
    v.boolean(),
    v.description('Does the post try to move the reader toward enlisting?'),
  ),
  evidence: v.optional(
    v.pipe(
      v.array(LocalizedTextSchema),
      v.description('Phrases from the post text (in each language) that give it away'),
    ),
    [],
  ),
  explanations: v.optional(
    v.pipe(
      v.record(v.string(), LocalizedTextSchema),
      v.description('One explanation per tactic id, and "lure" when lure is true'),
    ),
    {},
  ),
  whyGenuine: v.optional(
    v.pipe(LocalizedTextSchema, v.description('For a genuine post: why it is fine')),
  ),
});

/** Addresses in levels stay on example.com/.org/.net, so no real site is ever linked. */
const exampleUrl = () =>
  v.pipe(
    v.string(),
    v.regex(/^https:\/\/([a-z0-9-]+\.)*example\.(com|org|net)(\/[^\s]*)?$/, 'schema.link-url'),
  );

export const SOURCE_VERDICTS = ['confirms', 'contradicts', 'no-coverage'] as const;

// --- Pictures: what a post's media shows, drawn at run time (src/pictures/) ---------

/** A share of the picture's width or height, from its left or top edge. */
const percent = () => v.pipe(v.number(), v.minValue(0), v.maxValue(100));

/**
 * Any word; the same seed draws the same face (or background) wherever it is used,
 * so AI-made "citizens" can share one face across accounts.
 */
const seed = () =>
  v.pipe(v.string(), v.regex(/^[A-Za-z0-9_-]{1,40}$/, 'schema.seed'), v.maxLength(40));

export const PicturePersonSchema = v.strictObject({
  face: v.pipe(seed(), v.description('Face seed: the same seed gives the same face')),
  x: v.optional(
    v.pipe(percent(), v.description('Centre, in % of the width (default: spread out)')),
  ),
  size: v.optional(
    v.pipe(
      v.number(),
      v.minValue(20),
      v.maxValue(100),
      v.description('Height in % of the picture'),
    ),
  ),
  outfit: v.optional(v.picklist(OUTFITS, 'schema.one-of'), 'casual'),
});

export const PicturePropSchema = v.strictObject({
  icon: v.pipe(v.picklist(PROPS, 'schema.one-of'), v.description('A Noto Emoji picture')),
  x: v.pipe(percent(), v.description('Centre, in % of the width')),
  y: v.pipe(percent(), v.description('Centre, in % of the height')),
  size: v.optional(
    v.pipe(v.number(), v.minValue(5), v.maxValue(80), v.description('Width in % of the picture')),
    18,
  ),
});

export const PictureTextSchema = v.strictObject({
  text: v.pipe(
    LocalizedTextSchema,
    v.description('Words shown in the picture; the player can mark them as evidence'),
  ),
  style: v.optional(v.picklist(TEXT_STYLES, 'schema.one-of'), 'caption'),
  at: v.optional(v.picklist(TEXT_PLACES, 'schema.one-of'), 'bottom'),
  appearsAt: v.optional(
    v.pipe(
      v.number(),
      v.minValue(0),
      v.maxValue(10),
      v.description('Videos: second at which the text appears'),
    ),
    0,
  ),
});

export const PictureSchema = v.pipe(
  v.strictObject({
    setting: v.optional(v.picklist(SETTINGS, 'schema.one-of'), 'plain'),
    backgroundSeed: v.optional(
      v.pipe(seed(), v.description('The same setting and seed draw the same background')),
    ),
    people: v.optional(v.pipe(v.array(PicturePersonSchema), v.maxLength(4)), []),
    props: v.optional(v.pipe(v.array(PicturePropSchema), v.maxLength(8)), []),
    texts: v.optional(v.pipe(v.array(PictureTextSchema), v.maxLength(4)), []),
    watermark: v.optional(
      v.pipe(LocalizedTextSchema, v.description('A corner mark, such as an account or app name')),
    ),
    motion: v.optional(
      v.pipe(
        v.strictObject({
          pan: v.optional(v.picklist(PANS, 'schema.one-of')),
          zoom: v.optional(v.picklist(ZOOMS, 'schema.one-of')),
          talkingHead: v.optional(
            v.pipe(v.boolean(), v.description('The first person talks to the camera')),
            false,
          ),
        }),
        v.description('Videos: a few seconds of simple motion'),
      ),
    ),
  }),
  v.description("The picture the post's media shows; its description stays as the alt text"),
);

// --- end of pictures ------------------------------------------------------------------

/** What one credible outlet says about the post's claim ("check other sources"). */
export const SourceResultSchema = v.strictObject({
  outlet: v.pipe(LocalizedTextSchema, v.description("The outlet's name, fictional")),
  verdict: v.picklist(SOURCE_VERDICTS, 'schema.one-of'),
  summary: v.pipe(LocalizedTextSchema, v.description('One line: what the outlet reports')),
});

/**
 * What the player can find out about a post beyond reading it. Each part is optional;
 * a check without an authored result tells the player that nothing more was found.
 */
export const InvestigationSchema = v.strictObject({
  sources: v.optional(
    v.pipe(
      v.array(SourceResultSchema),
      v.minLength(1),
      v.maxLength(6),
      v.description('"Check other sources": what credible outlets say about the claim'),
    ),
  ),
  link: v.optional(
    v.pipe(
      v.strictObject({
        destination: v.pipe(exampleUrl(), v.description('Where the link or QR code really leads')),
        domainAgeDays: v.pipe(count, v.description("How old that address's domain is, in days")),
        finding: v.pipe(LocalizedTextSchema, v.description('What the player learns from it')),
      }),
      v.description('"Inspect link": for the post\'s link, or a QR code shown in its media'),
    ),
  ),
  image: v.optional(
    v.pipe(
      v.strictObject({
        firstSeen: v.pipe(
          LocalizedTextSchema,
          v.description('Where the picture was first published'),
        ),
        daysEarlier: v.pipe(count, v.description('How many days before this post')),
        finding: v.pipe(LocalizedTextSchema, v.description('What the player learns from it')),
        earlier: v.optional(
          v.pipe(PictureSchema, v.description('The earlier picture the search found, if drawn')),
        ),
      }),
      v.description('"Reverse image search": for a post with media'),
    ),
  ),
});

export const PostSchema = v.strictObject({
  id: id(),
  author: v.string(),
  kind: v.picklist(POST_KINDS, 'schema.one-of'),
  text: LocalizedTextSchema,
  media: v.optional(
    v.pipe(
      LocalizedTextSchema,
      v.description('What the image or video frame shows, in words: the alt text'),
    ),
  ),
  picture: v.optional(PictureSchema),
  group: v.optional(v.pipe(LocalizedTextSchema, v.description('Group chat name, for chat posts'))),
  sound: v.optional(v.pipe(LocalizedTextSchema, v.description('Sound name, for videos'))),
  minutesAgo: v.pipe(count, v.description('How long ago the post was made, in minutes')),
  likes: v.optional(count, 0),
  shares: v.optional(count, 0),
  comments: v.optional(v.array(CommentSchema), []),
  link: v.optional(
    v.strictObject({
      title: LocalizedTextSchema,
      url: exampleUrl(),
    }),
  ),
  investigation: v.optional(InvestigationSchema),
  ...PLATFORM_POST_FIELDS,
  truth: TruthSchema,
});

export const LevelSchema = v.strictObject({
  $schema: v.optional(v.string()),
  formatVersion: v.literal(FORMAT_VERSION, 'schema.format-version'),
  id: id(),
  order: v.pipe(
    v.number(),
    v.integer(),
    v.minValue(0),
    v.description('Position in the level list'),
  ),
  languages: v.pipe(
    v.array(v.pipe(v.string(), v.regex(LANGUAGE_TAG, 'schema.language-tag'))),
    v.minLength(1, 'schema.languages-empty'),
    v.description('Every text in this file has each of these languages'),
  ),
  title: LocalizedTextSchema,
  platform: v.picklist(PLATFORMS, 'schema.one-of'),
  briefing: LocalizedTextSchema,
  goals: v.array(LocalizedTextSchema),
  debrief: LocalizedTextSchema,
  discussion: v.array(LocalizedTextSchema),
  mode: v.optional(v.picklist(MODES, 'schema.one-of'), 'learn'),
  shuffle: v.optional(
    v.pipe(v.boolean(), v.description('Shuffle the feed with the session seed (default true)')),
    true,
  ),
  passMark: v.pipe(
    v.number(),
    v.minValue(0),
    v.maxValue(100),
    v.description('The score, in percent of the best possible points, that passes the level'),
  ),
  investigationBudget: v.optional(
    v.pipe(
      count,
      v.maxValue(500),
      v.description(
        'How many checks (profile, sources, link, image) the player may run in the whole level; default: one per post',
      ),
    ),
  ),
  tactics: v.optional(
    v.pipe(
      v.array(TacticSchema),
      v.description("Extra tactics for a trainer's own topic, besides the five built-in facets"),
    ),
    [],
  ),
  accounts: v.pipe(v.array(AccountSchema), v.minLength(1), v.maxLength(500)),
  posts: v.pipe(v.array(PostSchema), v.minLength(2), v.maxLength(500)),
});

export type LocalizedText = v.InferOutput<typeof LocalizedTextSchema>;
export type Tactic = v.InferOutput<typeof TacticSchema>;
export type Account = v.InferOutput<typeof AccountSchema>;
export type Post = v.InferOutput<typeof PostSchema>;
export type Truth = v.InferOutput<typeof TruthSchema>;
export type Investigation = v.InferOutput<typeof InvestigationSchema>;
export type Picture = v.InferOutput<typeof PictureSchema>;
export type PictureText = v.InferOutput<typeof PictureTextSchema>;
export type SourceVerdict = (typeof SOURCE_VERDICTS)[number];
export type Level = v.InferOutput<typeof LevelSchema>;
export type Platform = (typeof PLATFORMS)[number];
export type PostKind = (typeof POST_KINDS)[number];
export type { Mode } from '../mode-names';

/** levels/taxonomy.json: the built-in tactics every level can use, and the lure flag. */
export const TaxonomySchema = v.strictObject({
  $schema: v.optional(v.string()),
  formatVersion: v.literal(FORMAT_VERSION, 'schema.format-version'),
  languages: v.pipe(
    v.array(v.pipe(v.string(), v.regex(LANGUAGE_TAG, 'schema.language-tag'))),
    v.minLength(1, 'schema.languages-empty'),
  ),
  tactics: v.pipe(v.array(TacticSchema), v.minLength(1)),
  lure: v.strictObject({
    name: LocalizedTextSchema,
    short: LocalizedTextSchema,
    tells: v.array(LocalizedTextSchema),
    explanation: LocalizedTextSchema,
    colour: v.pipe(v.string(), v.hexColor('schema.colour')),
    icon: v.pipe(v.string(), v.maxLength(4)),
  }),
});

export type Taxonomy = v.InferOutput<typeof TaxonomySchema>;
