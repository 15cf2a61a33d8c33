// A sparkline of one figure over the last weekly closes: a small inline SVG (no chart library for 50 × 4
// of them), the last point marked.
import type { FigureKey, TrendPoint } from '../../../../electron/common/api/portfolio.js';
import { sparkPoints } from './portfolioModel.js';

const W = 36;
const H = 18;

export function Sparkline({ trend, figure }: { trend: readonly TrendPoint[]; figure: FigureKey }) {
  const points = sparkPoints(trend, figure, W, H);
  if (!points) return <svg className="spark" width={W} height={H} aria-hidden="true" />;
  const last = points.split(' ').at(-1)!.split(',');
  return (
    <svg className="spark" width={W} height={H} viewBox={`0 0 ${W} ${H}`} aria-hidden="true" data-testid={`spark-${figure}`}>
      <polyline points={points} fill="none" stroke="currentColor" strokeWidth="1.2" strokeLinejoin="round" />
      <circle cx={last[0]} cy={last[1]} r="1.8" fill="currentColor" />
    </svg>
  );
}
