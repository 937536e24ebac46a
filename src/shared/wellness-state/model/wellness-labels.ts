import type { BlurStrength } from '../../../api/schemas/wellness';

/** Each blur strength: what the settings page calls it, and the fixed class the preview uses. */
export const blurStyles: Record<BlurStrength, { label: string; className: string }> = {
  1: { label: 'Light', className: 'blur-md' },
  2: { label: 'Medium', className: 'blur-lg' },
  3: { label: 'Strong', className: 'blur-xl' },
  4: { label: 'Stronger', className: 'blur-2xl' },
  5: { label: 'Strongest', className: 'blur-3xl' },
};
