export { ItemReports } from './components/item-reports';
export { ReportEditor } from './components/report-editor';
export { ReportList } from './components/report-list';
export { reportStatusStyles } from './model/report-labels';
