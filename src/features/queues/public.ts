export { QueueDashboard } from './components/queue-dashboard';
