import { describe, expect, it } from 'vitest';
import { normalizeTimeOfDay, parseTimeOfDay, shiftTimeOfDay, timeOfDayText } from './timeOfDay';

describe('time of day', () => {
  it('reads what people type', () => {
    expect(normalizeTimeOfDay('09:30')).toBe('09:30');
    expect(normalizeTimeOfDay(' 9:30 ')).toBe('09:30');
    expect(normalizeTimeOfDay('930')).toBe('09:30');
    expect(normalizeTimeOfDay('1530')).toBe('15:30');
    expect(normalizeTimeOfDay('9.05')).toBe('09:05');
    expect(normalizeTimeOfDay('9')).toBe('09:00');
    expect(normalizeTimeOfDay('0')).toBe('00:00');
    expect(normalizeTimeOfDay('23:59')).toBe('23:59');
  });

  it('reads a 12-hour clock', () => {
    expect(normalizeTimeOfDay('9:30 pm')).toBe('21:30');
    expect(normalizeTimeOfDay('9 PM')).toBe('21:00');
    expect(normalizeTimeOfDay('12:15 a.m.')).toBe('00:15');
    expect(normalizeTimeOfDay('12pm')).toBe('12:00');
    expect(parseTimeOfDay('13 pm')).toBeNull();
    expect(parseTimeOfDay('0 am')).toBeNull();
  });

  it('refuses what is not a time', () => {
    for (const bad of ['', '24:00', '9:60', '12345', 'noon', '9:3', '-1']) expect(parseTimeOfDay(bad)).toBeNull();
  });

  it('steps around the clock', () => {
    expect(shiftTimeOfDay('09:30', 15)).toBe('09:45');
    expect(shiftTimeOfDay('23:50', 15)).toBe('00:05');
    expect(shiftTimeOfDay('00:10', -60)).toBe('23:10');
    expect(shiftTimeOfDay('bad', 60)).toBe('01:00');
    expect(timeOfDayText(1440 + 61)).toBe('01:01');
  });
});
