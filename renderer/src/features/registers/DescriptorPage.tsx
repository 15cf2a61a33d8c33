import { useMemo } from 'react';
import type { Project } from '../../../../electron/common/dto.js';
import { DESCRIPTORS, type RegisterName } from '../../../../electron/common/registers/index.js';
import { descriptorColumns } from './descriptorColumns.js';
import { RegisterPage, type RegisterRow } from './RegisterPage.js';

/** The screen of a register that needs nothing beyond its descriptor: the register page on its default columns. */
export function DescriptorPage({ project, register }: { project: Project; register: RegisterName }) {
  const columns = useMemo(() => descriptorColumns<RegisterRow>(register), [register]);
  return <RegisterPage<RegisterRow> project={project} register={register} view={DESCRIPTORS[register].view} columns={columns} />;
}
