import './console-problems';
