export type * from './types.js';
export { campaignLateRows, lateResponseRows, summarizeOutcomes } from './late-rows.js';
export { lateListCsv, type CsvDialect, type CsvOptions } from './csv.js';
export { lateListXlsx } from './xlsx.js';
export { lateListPdf } from './late-pdf.js';
export { figuresPdf } from './figures-pdf.js';
export { figuresChartSvg, type ChartOptions } from './chart.js';
export { weeklyTrendSvg } from './weekly-chart.js';
export { figuresXlsx } from './figures-xlsx.js';
export { figuresMarkdown } from './figures-markdown.js';
export { campaignReportPdf } from './campaign-pdf.js';
export { campaignReportXlsx } from './campaign-xlsx.js';
export { campaignReportInput } from './campaign-model.js';
export { campaignCourseSvg, type CourseChartOptions } from './course-chart.js';
export { minutesPdf, minutesDocx, minutesMarkdown } from './minutes.js';
export { exportFileName, type ExportKind } from './file-name.js';
export { textsFor, type Texts } from './texts/index.js';
export {
  formatDayMonthYear,
  formatIsoOffset,
  wallTimeAsUtc,
} from './format.js';
