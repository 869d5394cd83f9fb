"""The web page in a real browser over `strife serve` and the Aleppo article.

What an analyst does: sees where events happened, narrows the dates on the timeline, opens an event
to read the sentence it comes from, shares a filtered view by its URL, and uses it on a phone.
"""

from __future__ import annotations

from urllib.parse import parse_qs, urlparse

import httpx
import pytest
from playwright.sync_api import expect

from tests.web.conftest import screenshot, settle

pytestmark = pytest.mark.slow  # a browser and a server: seconds, not milliseconds

LOAD_TIMEOUT_MS = 30_000  # the machine may be busy


def load(page, url: str) -> None:
    """Open the page and wait until the map and the list show the data of its filters."""
    page.goto(url)
    page.wait_for_selector("body[data-map-key]", timeout=LOAD_TIMEOUT_MS)
    page.wait_for_selector(".ev-row, .events .empty", timeout=LOAD_TIMEOUT_MS)


def places_on_map(page) -> set[str]:
    """Place names of the markers and clusters on the map (a cluster names every place it holds)."""
    return set(page.evaluate("""() => [
        ...[...document.querySelectorAll('.leaflet-marker-pane [data-places]')].flatMap(e => e.dataset.places.split('|')),
        ...[...document.querySelectorAll('.leaflet-marker-pane [data-place]')].map(e => e.dataset.place),
    ].filter(Boolean)"""))


def listed(page) -> list[dict]:
    return page.evaluate("""() => [...document.querySelectorAll('.ev-row')].map(row => ({
        id: row.dataset.eventId,
        date: row.querySelector('.ev-date').textContent,
        type: row.querySelector('.ev-type').textContent,
        confidence: parseFloat(row.querySelector('.ev-conf').textContent),
    }))""")


def query_of(page) -> dict[str, str]:
    return {key: values[0] for key, values in parse_qs(urlparse(page.url).query).items()}


def test_map_shows_markers_for_aleppo_idlib_and_mosul(server, page):
    requested: list[str] = []
    page.on("request", lambda request: requested.append(request.url))
    load(page, server + "/")
    page.wait_for_function("() => document.querySelectorAll('.leaflet-marker-pane .leaflet-marker-icon').length > 0")
    assert {"Aleppo", "Idlib", "Mosul"} <= places_on_map(page)
    geo = httpx.get(f"{server}/api/events", params={"format": "geojson", "limit": 10000}).json()
    shown = page.evaluate("() => strife.clusters.getLayers().length")
    assert shown == len(geo["features"])  # every located event is on the map, none twice
    # The legend counts the same events by PLOVER quad, and switches to ACLED types.
    legend_total = sum(int(n) for n in page.locator(".legend .n").all_inner_texts())
    assert legend_total == len(geo["features"])
    page.get_by_label("ACLED type", exact=True).check()
    expect(page.locator(".legend")).to_contain_text("Explosions/Remote violence")
    assert query_of(page)["color"] == "acled"
    screenshot(page, "map-desktop")
    # Offline: the page, its code, styles and boundaries all come from the strife server itself.
    assert any(url.endswith("/geo/countries-110m.json") for url in requested)
    assert [url for url in requested if not url.startswith(server + "/")] == []
    assert not page.errors, page.errors


def test_dragging_on_the_timeline_filters_the_list_by_date(server, page):
    load(page, server + "/")
    before = listed(page)
    days = sorted({row["date"] for row in before if row["date"] != "undated"})
    assert len(days) >= 2, "the Aleppo article gives events on several days"
    bars = page.locator(".tl-bar")
    # Drag from just before the last day's bar to the right edge: keep only the last day.
    last = bars.nth(bars.count() - 1).bounding_box()
    plot = page.locator("#timeline svg").bounding_box()
    y = plot["y"] + plot["height"] / 2
    page.mouse.move(last["x"] - 1, y)
    page.mouse.down()
    page.mouse.move(last["x"] + last["width"] / 2, y, steps=4)
    page.mouse.move(plot["x"] + plot["width"] - 2, y, steps=4)
    page.mouse.up()
    page.wait_for_function("() => new URLSearchParams(location.search).has('since')")
    query = query_of(page)
    assert query["since"] <= days[-1] <= query["until"]
    assert query["since"] > days[-2]
    page.wait_for_function(f"() => document.querySelectorAll('.ev-row').length !== {len(before)}", timeout=LOAD_TIMEOUT_MS)
    after = listed(page)
    assert 0 < len(after) < len(before)
    brushed = httpx.get(f"{server}/api/events", params={"since": query["since"], "until": query["until"]}).json()
    assert [row["id"] for row in after] == [item["id"] for item in brushed["items"]]
    assert days[0] not in {row["date"] for row in after}
    expect(page.locator("#chips")).to_contain_text(f"from {query['since']}")
    screenshot(page, "timeline-filtered")
    # Clearing the dates brings every event back.
    page.get_by_role("button", name="clear dates").click()
    page.wait_for_function(f"() => document.querySelectorAll('.ev-row').length === {len(before)}", timeout=LOAD_TIMEOUT_MS)
    assert "since" not in query_of(page)
    assert not page.errors, page.errors


def test_opening_an_event_highlights_its_evidence_in_the_article(server, page):
    load(page, server + "/")
    events = httpx.get(f"{server}/api/events", params={"limit": 100}).json()["items"]
    event = max(events, key=lambda e: (e["fatalities"] is not None, len(e["evidence"]["text"])))
    row = page.locator(f'.ev-row[data-event-id="{event["id"]}"]')
    row.focus()
    page.keyboard.press("Enter")  # rows are buttons: the keyboard opens them too
    page.wait_for_selector(".seg.sel", timeout=LOAD_TIMEOUT_MS)
    assert query_of(page)["view"] == "article" and query_of(page)["event"] == event["id"]
    highlighted = page.evaluate("() => [...document.querySelectorAll('.article-text .seg.sel')].map(s => s.textContent).join('')")
    assert highlighted == event["evidence"]["text"]
    assert page.locator(".article-text .seg.sel").first.is_visible()  # scrolled to the evidence
    fields = page.locator(f'.event-fields[data-event-id="{event["id"]}"]')
    expect(fields).to_contain_text(event["event_type"])
    if event["location"]:
        expect(fields).to_contain_text(event["location"]["name"])
    # Every kind of evidence has its own highlight.
    for kind in ("event", "actor", "place", "date", "count", "quote"):
        assert page.locator(f".article-text .k-{kind}").count() > 0, kind
    screenshot(page, "article-evidence")
    # Clicking a count highlight shows the event whose fatalities it gives.
    count = page.locator(".article-text .k-count").first
    count.click()
    expect(page.locator(".here")).to_contain_text("count")
    assert not page.errors, page.errors


def test_a_map_marker_opens_its_event(server, page):
    load(page, server + "/?q=Idlib")
    page.wait_for_selector(".leaflet-marker-pane .ev-marker", timeout=LOAD_TIMEOUT_MS)
    marker = page.locator('.leaflet-marker-pane .ev-marker [data-place="Idlib"]').first
    marker.click()
    button = page.get_by_role("button", name="Read the evidence")
    button.click()
    page.wait_for_selector(".seg.sel", timeout=LOAD_TIMEOUT_MS)
    event_id = query_of(page)["event"]
    event = httpx.get(f"{server}/api/events/{event_id}").json()
    assert event["location"]["name"] == "Idlib"
    assert page.evaluate("() => [...document.querySelectorAll('.article-text .seg.sel')].map(s => s.textContent).join('')") == event["evidence"]["text"]
    assert not page.errors, page.errors


def test_filters_live_in_the_url_and_survive_a_reload(server, page):
    load(page, server + "/?type=ASSAULT&min_confidence=0.7")
    assert page.locator("select[name=type]").input_value() == "ASSAULT"
    assert page.locator("input[name=min_confidence]").input_value() == "0.7"
    rows = listed(page)
    assert rows and all(r["type"] == "ASSAULT" and r["confidence"] >= 0.7 for r in rows)
    expected = httpx.get(f"{server}/api/events", params={"type": "ASSAULT", "min_confidence": 0.7}).json()["total"]
    assert len(rows) == expected
    # A filter set in the form goes into the URL ...
    page.locator("select[name=acled_type]").select_option("Violence against civilians")
    page.wait_for_function("() => new URLSearchParams(location.search).get('acled_type') === 'Violence against civilians'")
    page.wait_for_function(f"() => document.querySelectorAll('.ev-row').length !== {len(rows)}", timeout=LOAD_TIMEOUT_MS)
    narrowed = [r["id"] for r in listed(page)]
    # ... and a reload (or a shared link) restores the form and the same list.
    settle(page)
    page.reload()
    page.wait_for_selector(".ev-row", timeout=LOAD_TIMEOUT_MS)
    assert page.locator("select[name=acled_type]").input_value() == "Violence against civilians"
    assert page.locator("select[name=type]").input_value() == "ASSAULT"
    assert [r["id"] for r in listed(page)] == narrowed
    # Back undoes the last filter.
    page.go_back()
    page.wait_for_function(f"() => document.querySelectorAll('.ev-row').length === {len(rows)}", timeout=LOAD_TIMEOUT_MS)
    assert page.locator("select[name=acled_type]").input_value() == ""
    assert not page.errors, page.errors


def test_the_network_view_filters_by_an_actor(server, page):
    load(page, server + "/?view=network")
    page.wait_for_selector(".net-node", timeout=LOAD_TIMEOUT_MS)
    graph = httpx.get(f"{server}/api/network").json()
    assert page.locator(".net-node").count() == min(80, len(graph["nodes"]))
    busiest = max(graph["nodes"], key=lambda n: n["events"])
    screenshot(page, "network")
    before = len(listed(page))
    page.locator(f'.net-node[data-actor-id="{busiest["id"]}"]').focus()
    page.keyboard.press("Enter")  # nodes are focusable buttons
    page.wait_for_function("() => new URLSearchParams(location.search).get('actor')")
    assert query_of(page)["actor"] == busiest["id"]
    page.wait_for_function(f"() => document.querySelectorAll('.ev-row').length !== {before}", timeout=LOAD_TIMEOUT_MS)
    assert len(listed(page)) == busiest["events"]
    assert not page.errors, page.errors


def test_phone_width_has_no_horizontal_overflow(server, phone_page):
    page = phone_page
    load(page, server + "/")
    overflow = "() => document.documentElement.scrollWidth - document.documentElement.clientWidth"
    assert page.evaluate(overflow) <= 0
    assert page.locator("#map").bounding_box()["width"] <= 390
    screenshot(page, "map-phone")
    page.locator(".ev-row").first.click()
    page.wait_for_selector(".seg.sel", timeout=LOAD_TIMEOUT_MS)
    assert page.evaluate(overflow) <= 0
    screenshot(page, "article-phone")
    assert not page.errors, page.errors


def test_filter_to_view_keeps_the_events_in_the_map_area(server, page):
    load(page, server + "/")
    before = len(listed(page))
    page.evaluate("() => { strife.map.setView([36.34, 43.13], 9, {animate: false}); }")  # Mosul and around
    page.get_by_role("button", name="Filter to view").click()
    page.wait_for_function("() => new URLSearchParams(location.search).has('bbox')")
    bbox = query_of(page)["bbox"]
    west, south, east, north = (float(v) for v in bbox.split(","))
    assert west < 43.13 < east and south < 36.34 < north
    page.wait_for_function(f"() => document.querySelectorAll('.ev-row').length !== {before}", timeout=LOAD_TIMEOUT_MS)
    expected = httpx.get(f"{server}/api/events", params={"bbox": bbox}).json()["items"]
    assert [row["id"] for row in listed(page)] == [item["id"] for item in expected]
    assert expected and all(item["location"]["name"] == "Mosul" for item in expected)
    expect(page.locator("#chips")).to_contain_text("in map area")
    assert not page.errors, page.errors


def test_a_link_naming_only_an_event_opens_its_article(server, page):
    event = httpx.get(f"{server}/api/events", params={"limit": 1}).json()["items"][0]
    page.goto(f"{server}/?view=article&event={event['id']}")
    page.wait_for_selector(".seg.sel", timeout=LOAD_TIMEOUT_MS)
    assert query_of(page)["article"] == event["article"]["sha256"]
    assert page.evaluate("() => [...document.querySelectorAll('.article-text .seg.sel')].map(s => s.textContent).join('')") == event["evidence"]["text"]
    assert not page.errors, page.errors


def test_a_bad_filter_in_a_link_says_what_is_wrong_and_can_be_removed(server, page):
    page.goto(server + "/?since=2016-13-01")
    notice = page.locator("#notice")
    expect(notice).to_be_visible(timeout=LOAD_TIMEOUT_MS)
    expect(notice).to_contain_text("since")
    assert "Traceback" not in notice.inner_text()
    page.get_by_role("button", name="Remove filter from 2016-13-01").click()
    page.wait_for_selector(".ev-row", timeout=LOAD_TIMEOUT_MS)
    expect(notice).to_be_hidden()
    assert "since" not in query_of(page)
