import { useEffect, useRef } from 'react';
import { BarController, BarElement, CategoryScale, Chart, Legend, LinearScale, Tooltip } from 'chart.js';

// Only the bar chart's parts: Chart.js is tree-shakable. Import this file only from a page that is
// loaded lazily, so that the library stays out of the console's first load.
Chart.register(BarController, BarElement, CategoryScale, LinearScale, Legend, Tooltip);

const PALETTE = ['#005a8c', '#c2410c', '#15803d', '#7e22ce', '#b91c1c', '#0f766e', '#a16207', '#475569'];

export interface Bars {
  labels: string[];
  /** One series per figure; a value that is not there (null) is a gap, never a short bar. */
  series: { label: string; values: (number | null)[] }[];
}

/** A bar chart drawn on a canvas (no inline script or style, so it runs under the CSP), named by its title. */
export function BarChart({ title, bars }: { title: string; bars: Bars }) {
  const canvas = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    const chart = new Chart(canvas.current!, {
      type: 'bar',
      data: {
        labels: bars.labels,
        datasets: bars.series.map((series, i) => ({
          label: series.label,
          data: series.values,
          backgroundColor: PALETTE[i % PALETTE.length],
        })),
      },
      options: { animation: false, responsive: true, maintainAspectRatio: false },
    });
    return () => chart.destroy();
  }, [bars]);
  return (
    <div className="chart-box">
      <canvas ref={canvas} role="img" aria-label={title} />
    </div>
  );
}
