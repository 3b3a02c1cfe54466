// read-ical.mjs — how ical.js (Thunderbird's parser) sees an iCalendar file: one JSON object per
// event on stdout, times as UTC instants. Run with TZ=UTC so a zone it failed to resolve shows.
//
// SPDX-License-Identifier: GPL-3.0-or-later

import { readFileSync } from 'node:fs';
import ICAL from 'ical.js';

const text = readFileSync(process.argv[2], 'utf8');
const calendar = new ICAL.Component(ICAL.parse(text));

for (const vtimezone of calendar.getAllSubcomponents('vtimezone'))
  ICAL.TimezoneService.register(vtimezone);

const instant = (time) => {
  if (time.isDate)
    return time.toString();
  if (time.zone === ICAL.Timezone.localTimezone)
    return 'floating';
  return time.toJSDate().toISOString().replace('.000Z', 'Z');
};

const events = calendar.getAllSubcomponents('vevent').map((vevent) => {
  const event = new ICAL.Event(vevent);
  return {
    uid: event.uid,
    summary: event.summary,
    location: event.location,
    description: event.description,
    status: vevent.getFirstPropertyValue('status'),
    sequence: event.sequence,
    start: instant(event.startDate),
    end: instant(event.endDate),
    tzid: event.startDate.isDate ? null : event.startDate.zone.tzid,
    url: vevent.getFirstPropertyValue('url'),
    organizer: vevent.getFirstPropertyValue('organizer'),
    conference: vevent.getFirstPropertyValue('conference'),
    conference_feature: vevent.getFirstProperty('conference')?.getParameter('feature') ?? null,
  };
});

process.stdout.write(JSON.stringify({
  method: calendar.getFirstPropertyValue('method'),
  name: calendar.getFirstPropertyValue('x-wr-calname'),
  timezones: calendar.getAllSubcomponents('vtimezone').map((z) => z.getFirstPropertyValue('tzid')),
  events,
}, null, 1));
