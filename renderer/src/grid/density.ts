// How tightly the grids set their rows: normal, or compact (about 35 rows on a 900 px screen). One
// setting for every grid, chosen in the top bar and kept in the workspace (ui.density).
import { createContext } from 'react';

export type Density = 'normal' | 'compact';
export const DENSITIES: readonly Density[] = ['normal', 'compact'];

export const ROW_HEIGHTS: Record<Density, { row: number; header: number }> = {
  normal: { row: 28, header: 32 },
  compact: { row: 20, header: 24 },
};

export const DensityContext = createContext<Density>('normal');

export function isDensity(v: unknown): v is Density {
  return v === 'normal' || v === 'compact';
}
