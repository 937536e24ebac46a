export { ItemSearch } from './components/item-search';
export { ItemView } from './components/item-view';
export { MyEscalations } from './components/my-escalations';
export { StartReviewing } from './components/start-reviewing';
export { Workspace } from './components/workspace';
export { canDecide } from './model/decision-blocker';
export { WorkspaceSearch } from './model/workspace-search';
