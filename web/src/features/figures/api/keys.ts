/** The figures' query keys: the reports the role may read, and each report. */
export const figureKeys = {
  all: ['reports'] as const,
  list: () => [...figureKeys.all, 'list'] as const,
  report: (report: string) => [...figureKeys.all, 'report', report] as const,
};
