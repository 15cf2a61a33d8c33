// The screens of one project, shown as tabs. A new screen adds one entry here.
import { createElement, type ComponentType } from 'react';
import { REGISTER_LIST, type RegisterName } from '../../../../electron/common/registers/index.js';
import { DescriptorPage } from '../registers/DescriptorPage.js';
import type { Project } from '../../../../electron/common/dto.js';
import { WbsPage } from '../wbs/WbsPage.js';
import { ProgressPage } from '../progress/ProgressPage.js';
import { RisksPage } from '../risks/RisksPage.js';
import { IssuesPage } from '../issues/IssuesPage.js';
import { ChangesPage } from '../changes/ChangesPage.js';
import { VocabPage } from '../vocab/VocabPage.js';
import { MinutesPage } from '../minutes/MinutesPage.js';
import { ProfilesPage } from '../excel/ProfilesPage.js';

/** Registers whose screen has more than the descriptor's grid (the heat map, the meeting link, a new row's date). */
const REGISTER_PAGES: Partial<Record<RegisterName, ComponentType<{ project: Project }>>> = { risk: RisksPage, issue: IssuesPage, change: ChangesPage };

function descriptorPage(register: RegisterName): ComponentType<{ project: Project }> {
  return function Page({ project }) {
    return createElement(DescriptorPage, { project, register });
  };
}

export interface ProjectView {
  /** Route value (#…&view=<id>) and i18n key (views.<id>). */
  id: string;
  Page: ComponentType<{ project: Project }>;
}

export const PROJECT_VIEWS: ProjectView[] = [
  { id: 'wbs', Page: WbsPage },
  // Status date, baselines, earned value and weekly closes.
  { id: 'progress', Page: ProgressPage },
  // The registers in their descriptors' order, each on its own page or on the generic one.
  ...REGISTER_LIST.map((d) => ({ id: d.view, Page: REGISTER_PAGES[d.name] ?? descriptorPage(d.name) })),
  { id: 'minutes', Page: MinutesPage },
  { id: 'vocab', Page: VocabPage },
  // The workspace's client profiles (Excel取込 saves them, Excel出力 writes into them).
  { id: 'profiles', Page: ProfilesPage },
];
