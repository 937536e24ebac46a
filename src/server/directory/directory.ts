import type { QueueKind } from '../../api/schemas/queue';
import type { SignalKind } from '../../api/schemas/item';
import type { User } from '../../api/schemas/user';

/**
 * The people of the demo organisation who can sign in on the demo's sign-in screen, in its order:
 * two analysts and two supervisors (four eyes: one amends or edits a report, the other approves
 * it), and an auditor.
 */
export const demoUsers: readonly User[] = [
  { id: 'usr_ana', name: 'Ana Ortiz', role: 'analyst', email: 'ana.ortiz@verity.test' },
  { id: 'usr_ben', name: 'Ben Okafor', role: 'analyst', email: 'ben.okafor@verity.test' },
  { id: 'usr_sasha', name: 'Sasha Reyes', role: 'supervisor', email: 'sasha.reyes@verity.test' },
  { id: 'usr_mira', name: 'Mira Stone', role: 'supervisor', email: 'mira.stone@verity.test' },
  { id: 'usr_alex', name: 'Alex Kim', role: 'auditor', email: 'alex.kim@verity.test' },
];

/** Colleagues who appear in seeded history but cannot sign in to the demo. */
export const otherUsers: readonly User[] = [
  { id: 'usr_cho', name: 'Cho Park', role: 'analyst', email: 'cho.park@verity.test' },
  { id: 'usr_dev', name: 'Dev Patel', role: 'analyst', email: 'dev.patel@verity.test' },
];

export interface QueueDefinition {
  id: string;
  name: string;
  description: string;
  kind: QueueKind;
  slaSeconds: number;
  /** Triage queues: the signal kind routed here and the generator's share of items. */
  routes?: { signalKind: SignalKind; band?: 'high' | 'low'; share: number };
}

const hours = (h: number) => h * 3600;

export const queueDefinitions: readonly QueueDefinition[] = [
  {
    id: 'q-hash',
    name: 'Known-hash matches',
    description: 'Matches against NCMEC, industry and internal hash lists.',
    kind: 'triage',
    slaSeconds: hours(4),
    routes: { signalKind: 'hash_match', share: 0.3 },
  },
  {
    id: 'q-clf-high',
    name: 'Classifier — high confidence',
    description: 'Classifier scores well above threshold.',
    kind: 'triage',
    slaSeconds: hours(8),
    routes: { signalKind: 'classifier', band: 'high', share: 0.25 },
  },
  {
    id: 'q-clf-low',
    name: 'Classifier — near threshold',
    description: 'Scores close to the threshold: where most false positives are.',
    kind: 'triage',
    slaSeconds: hours(24),
    routes: { signalKind: 'classifier', band: 'low', share: 0.25 },
  },
  {
    id: 'q-text',
    name: 'Text rules',
    description: 'Page titles, captions and file names matching text rules.',
    kind: 'triage',
    slaSeconds: hours(24),
    routes: { signalKind: 'text_rule', share: 0.2 },
  },
  {
    id: 'q-second-review',
    name: 'Second review',
    description:
      'First reviews awaiting a second, blind review: confirmations, dismissals of NCMEC hash matches, and a share of the other dismissals.',
    kind: 'second_review',
    slaSeconds: hours(8),
  },
  {
    id: 'q-escalations',
    name: 'Escalations',
    description: 'Items escalated by analysts and second-review disagreements.',
    kind: 'escalations',
    slaSeconds: hours(12),
  },
];
