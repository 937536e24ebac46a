import { failOnConsoleProblems } from './console-problems';

failOnConsoleProblems();
