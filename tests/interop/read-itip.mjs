// read-itip.mjs — how ical.js (Thunderbird's parser) sees an iTIP message or a calendar with
// reminders: the METHOD, and per event its organizer and attendees with their parameters and
// its alarms, as JSON on stdout.
//
// SPDX-License-Identifier: GPL-3.0-or-later

import { readFileSync } from 'node:fs';
import ICAL from 'ical.js';

const text = readFileSync(process.argv[2], 'utf8');
const calendar = new ICAL.Component(ICAL.parse(text));

const person = (property) => ({
  address: property.getFirstValue(),
  cn: property.getParameter('cn') ?? null,
  role: property.getParameter('role') ?? null,
  rsvp: property.getParameter('rsvp') ?? null,
  partstat: property.getParameter('partstat') ?? null,
});

const events = calendar.getAllSubcomponents('vevent').map((vevent) => {
  const event = new ICAL.Event(vevent);
  const organizer = vevent.getFirstProperty('organizer');
  return {
    uid: event.uid,
    sequence: event.sequence,
    status: vevent.getFirstPropertyValue('status'),
    summary: event.summary,
    organizer: organizer ? person(organizer) : null,
    attendees: vevent.getAllProperties('attendee').map(person),
    alarms: vevent.getAllSubcomponents('valarm').map((alarm) => ({
      action: alarm.getFirstPropertyValue('action'),
      trigger: alarm.getFirstPropertyValue('trigger').toString(),
      description: alarm.getFirstPropertyValue('description'),
    })),
  };
});

process.stdout.write(JSON.stringify({
  method: calendar.getFirstPropertyValue('method'),
  events,
}, null, 1));
