/**
 * One open reader, as its parts see it: what the session (./session.ts) built and what it knows while
 * it runs. The session owns the one object and hands it to its parts; each part names the fields it
 * uses (a Pick of OpenReader), and none keeps state of its own at module level.
 */
import type { ReaderSettings } from '../../../lib/reader/settings';
import type { Work } from '../../../lib/sites/types';
import type { ReaderShell } from './mount';
import type { SettingsPanel } from './settings-panel';
import type { ReaderStatus } from './status';
import type { ReaderToolbar } from './toolbar';
import type { ToolbarReveal } from './toolbar-reveal';
import type { Story } from './view';

export interface OpenReader {
  doc: Document;
  win: Window;
  work: Work;
  story: Story;
  shell: ReaderShell;
  toolbar: ReaderToolbar;
  panel: SettingsPanel;
  bar: ToolbarReveal;
  status: ReaderStatus;
  /** The settings in force (applied by ./appearance.ts). */
  settings: ReaderSettings;
  /** Index of the section (a chapter on this page) being read. */
  currentSection: number;
  /** Words per section, counted after the first paint; null until then. */
  words: number[] | null;
  /** Aborted when the reader closes: every part's listeners are registered with it. */
  signal: AbortSignal;
  /** Asks for one frame of ./session.ts's update (progress, chapter, status). */
  scheduleUpdate: () => void;
}
