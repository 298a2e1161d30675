// A short chat transcript for trying the Threads screen: two people hold
// different release dates, one answers a long message with "fine.", and the
// last question is left hanging, so the check has something real to find.
// Written as the paste box takes it: `[HH:MM] Name: text`, one per line.

/** The name the sample is checked under (shown nowhere; nothing is stored). */
export const SAMPLE_THREAD_NAME = 'sample thread';

export const SAMPLE_THREAD = [
  '[09:12] Dana Kowalski: Quick check: the mobile release is still on for Thursday, right?',
  '[09:20] Ravi Menon: I thought we agreed on Friday? QA asked for one more day with the final build.',
  '[09:26] Dana Kowalski: Marketing already has Thursday in the newsletter. I told them last week the date was fixed.',
  "[09:41] Ravi Menon: The release doc says the freeze is Thursday and the release comes after QA signs off. I wrote it that way on purpose, so I'm not sure where “fixed” came from.",
  '[09:43] Dana Kowalski: fine.',
  '[10:15] Ravi Menon: @Dana so which date should I give QA, Thursday or Friday?',
].join('\n');
