/** What the reporter needs from a learning platform, whichever standard it speaks. */
import type { AnsweredDetails, LmsResult, PostInteraction } from '../../core/lms';

export interface LmsStart {
  /** The unfinished session the LMS kept for this attempt (resume data as JSON), if any. */
  suspendData: string | null;
  /** The LMS's own pass mark in percent (mastery score), when it sets one. */
  passMark: number | null;
}

/** Each method rejects with a message when the LMS refused or could not be reached. */
export interface LmsClient {
  begin(): Promise<LmsStart>;
  /** The unfinished session as JSON, after each decision, so a relaunch resumes it. */
  saveProgress(suspendData: string): Promise<void>;
  /** One decision, `index` counting from 0 across this attempt. */
  answered(interaction: PostInteraction, index: number, details: AnsweredDetails): Promise<void>;
  finished(result: LmsResult): Promise<void>;
  /** The page is going away; `sessionMs` is the playing time of this launch. */
  leave(sessionMs: number, finished: boolean): void;
}

export class LmsRefused extends Error {}
