import type { Direction, Filter } from './types';

/** What the filter controls hold; empty strings mean "any". */
export interface FilterState {
  direction: '' | Direction;
  person: string;
  tag: string;
  from: string;
  to: string;
}

export const NO_FILTER: FilterState = { direction: '', person: '', tag: '', from: '', to: '' };

/** The backend filter for the controls (empty controls left out). */
export function toFilter(s: FilterState): Filter {
  const f: Filter = {};
  if (s.direction) f.direction = s.direction;
  if (s.person.trim()) f.person = s.person.trim();
  if (s.tag.trim()) f.tag = s.tag.trim();
  if (s.from.trim()) f.from = s.from.trim();
  if (s.to.trim()) f.to = s.to.trim();
  return f;
}

/** How many filters are set. */
export function activeCount(s: FilterState): number {
  return Object.keys(toFilter(s)).length;
}
