// Pure helpers of the Threads screen.

import type { ThreadReview } from './types';

/** `unanswered_question` → `unanswered question`. */
export function signalLabel(kind: string): string {
  return kind.replace(/_/g, ' ');
}

/** A signed weight as shown: `+0.20`, `−0.15`. */
export function formatWeight(w: number): string {
  const abs = Math.abs(w).toFixed(2);
  return w < 0 ? `−${abs}` : `+${abs}`;
}

/**
 * The SVG path of a half-circle gauge arc from 0 to `value` (clamped to
 * [0, 1]), centred at (50, 50) with radius 40, opening downwards.
 */
export function gaugeArc(value: number): string {
  const v = Math.min(1, Math.max(0, Number.isFinite(value) ? value : 0));
  const angle = Math.PI * (1 - v);
  const x = 50 + 40 * Math.cos(angle);
  const y = 50 - 40 * Math.sin(angle);
  return `M 10 50 A 40 40 0 0 1 ${x.toFixed(2)} ${y.toFixed(2)}`;
}

/** A short title for a conversation in a list. */
export function threadTitle(t: ThreadReview): string {
  const where = t.channel ? `#${t.channel}` : 'Conversation';
  const when = t.first_ts && !t.first_ts.startsWith('1970-') ? ` · ${t.first_ts.slice(0, 16).replace('T', ' ')}` : '';
  return `${where}${when}`;
}
