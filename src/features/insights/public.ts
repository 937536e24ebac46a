export { InsightsPage } from './components/insights-page';
export { DEFAULT_RANGE_DAYS, isRangeDays } from './model/insights-range';
