import { describe, expect, it } from 'vitest';
import { backupReasonLabel, backupSummary, formatBytes } from './backups';

describe('backup words', () => {
  it('sizes pick the largest unit that keeps the figure at least 1', () => {
    expect(formatBytes(0, 'en')).toBe('0 bytes');
    expect(formatBytes(1023, 'en')).toBe('1,023 bytes');
    expect(formatBytes(98_304, 'en')).toBe('96 KB');
    expect(formatBytes(1_468_006, 'en')).toBe('1.4 MB');
    expect(formatBytes(1_468_006, 'de')).toBe('1,4 MB');
  });

  it('a summary counts entries in the singular and plural', () => {
    expect(backupSummary({ entries: 1, bytes: 4096 }, 'en')).toBe('1 entry, 4 KB');
    expect(backupSummary({ entries: 1200, bytes: 4096 }, 'en')).toBe('1,200 entries, 4 KB');
  });

  it('every reason has words', () => {
    expect(backupReasonLabel('pre-import')).toBe('Before an import');
    expect(backupReasonLabel('before-restore')).toBe('Before a restore');
  });
});
