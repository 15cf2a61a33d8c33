// The screens of one project, shown as tabs. A new screen adds one entry here.
import type { ComponentType } from 'react';
import type { Project } from '../../../../electron/common/dto.js';
import { WbsPage } from '../wbs/WbsPage.js';
import { ProgressPage } from '../progress/ProgressPage.js';
import { RisksPage } from '../risks/RisksPage.js';
import { IssuesPage } from '../issues/IssuesPage.js';
import { ChangesPage } from '../changes/ChangesPage.js';
import { VocabPage } from '../vocab/VocabPage.js';
import { MinutesPage } from '../minutes/MinutesPage.js';
import { ProfilesPage } from '../excel/ProfilesPage.js';

export interface ProjectView {
  /** Route value (#…&view=<id>) and i18n key (views.<id>). */
  id: string;
  Page: ComponentType<{ project: Project }>;
}

export const PROJECT_VIEWS: ProjectView[] = [
  { id: 'wbs', Page: WbsPage },
  // Status date, baselines, earned value and weekly closes.
  { id: 'progress', Page: ProgressPage },
  { id: 'risks', Page: RisksPage },
  { id: 'issues', Page: IssuesPage },
  { id: 'changes', Page: ChangesPage },
  { id: 'minutes', Page: MinutesPage },
  { id: 'vocab', Page: VocabPage },
  // The workspace's client profiles (Excel取込 saves them, Excel出力 writes into them).
  { id: 'profiles', Page: ProfilesPage },
];
