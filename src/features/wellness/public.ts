export { WellnessMonitor } from './components/wellness-monitor';
export { WellnessSettings } from './components/wellness-settings';
