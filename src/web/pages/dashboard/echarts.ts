// Apache ECharts with only what the dashboard draws (bars and the commune map), drawn as SVG. Imported dynamically
// by the dashboard's charts, so no other screen downloads it.
import { BarChart, MapChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent, VisualMapComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';

echarts.use([BarChart, MapChart, GridComponent, LegendComponent, TooltipComponent, VisualMapComponent, SVGRenderer]);

export { echarts };
export type { EChartsCoreOption } from 'echarts/core';
