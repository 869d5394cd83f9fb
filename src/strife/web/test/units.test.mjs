// Unit tests of the page's pure functions (`node --test test/`, run by tests/web/test_units.py).
import assert from "node:assert/strict";
import { test } from "node:test";

import { collectSpans, segmentsOf } from "../src/article.js";
import { categoryOf, fmtAccounts, fmtCount, quadOf } from "../src/format.js";
import { filterParams, readState, stateQuery } from "../src/state.js";
import { binRows, binStart, ticks } from "../src/timeline.js";

const DAY = 86_400_000;
const ms = (day) => Date.parse(`${day}T00:00:00Z`);

test("segments cut overlapping spans so every span is a run of whole segments", () => {
  const text = "Russian planes bombed Idlib on Monday, killing 12 people.";
  const spans = [
    { start: 0, end: 57, kind: "event" }, { start: 0, end: 14, kind: "actor" },
    { start: 22, end: 27, kind: "place" }, { start: 15, end: 21, kind: "trigger" }, { start: 47, end: 56, kind: "count" },
  ];
  const segments = segmentsOf(text.length, spans);
  assert.equal(segments.map((s) => text.slice(s.start, s.end)).join(""), text);
  spans.forEach((span, k) => {
    const covered = segments.filter((s) => s.spans.includes(k)).map((s) => text.slice(s.start, s.end)).join("");
    assert.equal(covered, text.slice(span.start, span.end));
  });
});

test("collectSpans links a figure, a place and an actor to the event they support", () => {
  const event = {
    id: "e1", event_type: "ASSAULT", evidence: { start: 0, end: 57, text: "" }, trigger: { start: 15, end: 21, text: "bombed" },
    source: [{ name: "Russian planes", span: [0, 14] }], target: [], location: { name: "Idlib", span: [22, 27] },
    date: "2016-12-05", date_end: null,
  };
  const result = {
    events: [event], actors: [{ name: "Russian planes", span: [0, 14] }], places: [{ name: "Idlib", span: [22, 27] }],
    dates: [{ text: "Monday", span: [31, 37], date: "2016-12-05", date_end: null }],
    counts: [{ text: "12 people", span: [47, 56], best: 12, event_id: "e1", kind: "killed" }], quotes: [], claims: [],
  };
  const byKind = Object.fromEntries(collectSpans(result).map((s) => [s.kind, s.events]));
  assert.deepEqual(byKind, { event: ["e1"], trigger: ["e1"], actor: ["e1"], place: ["e1"], date: ["e1"], count: ["e1"] });
});

test("the URL state round-trips and leaves defaults out", () => {
  const state = readState("?type=ASSAULT&since=2016-12-01&view=article&event=e1&article=abc&color=acled&offset=50&junk=1");
  assert.deepEqual(state.filters, { since: "2016-12-01", type: "ASSAULT" });
  assert.equal(stateQuery(state), "since=2016-12-01&type=ASSAULT&view=article&color=acled&article=abc&event=e1&offset=50");
  assert.equal(stateQuery(readState("")), "");
  assert.equal(readState("?view=nonsense").view, "map");
  assert.equal(filterParams(state.filters, ["since"]).toString(), "type=ASSAULT");
});

test("timeline bins sum days into weeks starting on Monday and into months", () => {
  const perDay = [{ day: "2016-12-04", events: 1, fatalities: 2 }, { day: "2016-12-05", events: 3, fatalities: 0 }, { day: "2016-12-11", events: 1, fatalities: 5 }];
  assert.equal(new Date(binStart(ms("2016-12-11"), "week")).toISOString().slice(0, 10), "2016-12-05"); // a Sunday
  assert.deepEqual(binRows(perDay, "week").map((b) => [b.events, b.fatalities]), [[1, 2], [4, 5]]);
  assert.deepEqual(binRows(perDay, "month").map((b) => [b.events, b.fatalities]), [[5, 7]]);
  const monthly = ticks(ms("2015-01-10"), ms("2016-12-31"), 6);
  assert.ok(monthly.length >= 3 && monthly.length <= 12);
  assert.ok(monthly.every((t) => new Date(t.ms).getUTCDate() === 1));
  const daily = ticks(ms("2016-12-01"), ms("2016-12-15"), 8);
  assert.equal(daily[0].label, "1 Dec");
  assert.ok(daily.every((t, i) => i === 0 || t.ms - daily[i - 1].ms >= DAY));
});

test("colours and counts read the model's values", () => {
  assert.equal(quadOf("material_conflict").key, "MATCON");
  assert.equal(quadOf("VERBCOOP").stored, "verbal_cooperation");
  assert.equal(categoryOf({ acled_event_type: "battles" }, "acled").key, "Battles");
  assert.equal(categoryOf({ quad: null }, "quad").label, "Not coded");
  assert.equal(fmtCount({ low: 10, best: 12, high: 15 }), "12 (10–15)");
  assert.equal(fmtCount({ low: 24, best: null, high: null }), "at least 24");
});

test("the accounts behind a toll say who gave each figure and which is the attackers' claim", () => {
  const toll = { low: 5, best: 11, high: 11, accounts: [
    { low: 11, best: 11, high: 11, reported_by: "Afghan officials", perpetrator_claim: false },
    { low: 5, best: 5, high: 5, reported_by: "the American military", perpetrator_claim: true }] };
  assert.deepEqual(fmtAccounts(toll), ["11 (Afghan officials)", "5 claimed by the attackers (the American military)"]);
  assert.deepEqual(fmtAccounts({ low: 3, best: 3, high: 3 }), []);
});
