// The on-call scenario several tests share: three people in three zones,
// two weekly shifts and five incidents, written to a temporary folder, and
// the On-call screen's form filled in to show them.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Priya in Berlin sleeps 23:00-07:00; Tom in Kathmandu (+05:45) and Ana in São Paulo have the default 22:00-08:00. */
export const ROSTER = `name,email,team,timezone,start_date,working_hours,sleep_hours
Priya Raman,priya@x.org,sre,Europe/Berlin,2024-01-01,09:00-17:00,23:00-07:00
Tom Li,tom@x.org,sre,Asia/Kathmandu,2024-01-01,09:00-17:00,
Ana Souza,ana@x.org,sre,America/Sao_Paulo,2024-01-01,09:00-17:00,22:00-06:00
`;

// Imports keep a year either side of the app's today.
export const CLOCK = { HUGOPS_NOW: '2026-03-20T10:00:00Z', HUGOPS_TZ: 'UTC' };

/** A week each, Priya first. */
export const SHIFTS = `email,start,end
priya@x.org,2026-03-02T08:00:00Z,2026-03-09T08:00:00Z
tom@x.org,2026-03-09T08:00:00Z,2026-03-16T08:00:00Z
`;

/** Priya is paged on two nights (03:12 and 02:00 in Berlin), Tom once at 01:45 in Kathmandu. */
export const INCIDENTS = `id,title,service,urgency,created_at,url
1,DB slow,checkout,high,2026-03-03T02:12:00Z,https://pd.example/1
2,DB slow again,checkout,high,2026-03-03T02:16:00Z,
3,Disk,search,high,2026-03-04T01:00:00Z,
4,Disk,search,low,2026-03-04T01:30:00Z,
5,CPU,api,high,2026-03-10T20:00:00Z,
`;

export function files() {
  const dir = mkdtempSync(join(tmpdir(), 'hugops-oncall-'));
  const write = (name, text) => {
    const path = join(dir, name);
    writeFileSync(path, text);
    return path;
  };
  return { roster: write('roster.csv', ROSTER), shifts: write('shifts.csv', SHIFTS), incidents: write('incidents.csv', INCIDENTS) };
}

export async function typeInto(s, testid, text) {
  const el = await s.find(`[data-testid="${testid}"]`);
  await el.clear();
  if (text) await el.type(text);
}

export async function showReport(s, paths) {
  for (const [field, path] of Object.entries(paths)) await typeInto(s, `oncall-${field}-path`, path);
  await typeInto(s, 'oncall-from', '2026-03-01');
  await typeInto(s, 'oncall-to', '2026-03-16');
  await (await s.find('[data-testid="oncall-show"]')).click();
  await s.waitFor('[data-testid="oncall-body"][data-ready="true"]');
}

