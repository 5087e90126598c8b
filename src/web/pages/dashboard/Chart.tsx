import { Button } from 'antd';
import { useEffect, useId, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { EChartsCoreOption } from './echarts.ts';

type ECharts = typeof import('./echarts.ts');
let loading: Promise<ECharts> | null = null;
/** ECharts is downloaded the first time a chart is drawn. */
export function loadECharts(): Promise<ECharts> {
  return (loading ??= import('./echarts.ts'));
}

interface Props {
  title: string;
  /** What the chart shows, in one sentence (read by screen readers instead of the drawing). */
  summary: string;
  /** Builds the chart's option once ECharts is loaded (the map registers its geometry there). */
  option: (lib: ECharts) => EChartsCoreOption;
  /** Clicking a bar or a commune. */
  onPick?: (params: { name: string; dataIndex: number; seriesIndex: number }) => void;
  /** The same figures as a table (with a caption), shown on demand. */
  table: ReactNode;
  /** Under the drawing: the source, notes. */
  footer?: ReactNode;
  height?: number;
  testId?: string;
}

/** A chart drawn with ECharts (SVG), with its figures as a table a keyboard or screen reader user can open. */
export function Chart({ title, summary, option, onPick, table, footer, height = 280, testId }: Props) {
  const { t } = useTranslation();
  const id = useId();
  const box = useRef<HTMLDivElement>(null);
  const [showTable, setShowTable] = useState(false);
  const [failed, setFailed] = useState(false);
  const pick = useRef(onPick);
  pick.current = onPick;

  useEffect(() => {
    let disposed = false;
    let chart: import('echarts/core').ECharts | undefined;
    let observer: ResizeObserver | undefined;
    loadECharts()
      .then((lib) => {
        if (disposed || !box.current) return;
        chart = lib.echarts.init(box.current, undefined, { renderer: 'svg' });
        chart.setOption(option(lib));
        chart.on('click', (p) => pick.current?.(p as { name: string; dataIndex: number; seriesIndex: number }));
        observer = new ResizeObserver(() => chart?.resize());
        observer.observe(box.current);
      })
      .catch(() => setFailed(true));
    return () => {
      disposed = true;
      observer?.disconnect();
      chart?.dispose();
    };
  }, [option]);

  return (
    <section className="cs-chart" aria-labelledby={`${id}-title`} data-testid={testId}>
      <div className="cs-chart-head">
        <h2 id={`${id}-title`} className="cs-section-title">
          {title}
        </h2>
        <Button size="small" aria-expanded={showTable} aria-controls={`${id}-table`} onClick={() => setShowTable((v) => !v)}>
          {showTable ? t('dashboard.hideTable') : t('dashboard.showTable')}
        </Button>
      </div>
      <p className="cs-sr-only">{summary}</p>
      {failed ? (
        <p className="cs-muted">{t('dashboard.chartFailed')}</p>
      ) : (
        <div ref={box} className="cs-chart-box" style={{ height }} aria-hidden="true" data-testid={testId ? `${testId}-drawing` : undefined} />
      )}
      {footer}
      <div id={`${id}-table`} hidden={!showTable} className="cs-chart-table">
        {table}
      </div>
    </section>
  );
}
