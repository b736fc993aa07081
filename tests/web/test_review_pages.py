"""The review queue in the browser: verify, reject, reopen, edit, merge, tell apart."""

from __future__ import annotations

import datetime as dt
import re
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import insert
from typer.testing import CliRunner

from repwatch.cli import app as cli
from repwatch.link import FIELDS
from repwatch.model import IncidentStatus
from repwatch.protect.roles import Permission, Role
from repwatch.store import Store
from repwatch.store.tables import duplicate_proposals
from repwatch.web.review_view import input_text
from repwatch.web.security import CSRF_HEADER
from repwatch.web.templating import templates

HTMX = {"HX-Request": "true"}
TEMPLATES = Path(__file__).parents[2] / "src" / "repwatch" / "web" / "templates" / "review"


def proposed(store: Store, n: int = 2) -> list[int]:
    """The ids of the first ``n`` incidents of the review queue."""
    ids = [i.id for i in store.review_queue(limit=n).incidents if i.id is not None]
    assert len(ids) == n, "the sample corpus gives enough proposed incidents"
    return ids


def open_proposal(
    store: Store, incident_id: int, candidate_id: int, reasons: tuple[str, ...] = ("same place",)
) -> int:
    """A possible duplicate, as linking records one in its grey zone."""
    with store.engine.begin() as conn:
        result = conn.execute(
            insert(duplicate_proposals).values(
                incident_id=incident_id,
                candidate_id=candidate_id,
                score=0.61,
                reasons=list(reasons),
                status="open",
                created_at=dt.datetime.now(dt.UTC),
            )
        )
        (proposal_id,) = result.inserted_primary_key or (None,)
    assert isinstance(proposal_id, int)
    return proposal_id


@pytest.fixture
def analyst(client_as: Callable[[Role], TestClient]) -> TestClient:
    return client_as(Role.ANALYST)


def last_change(store: Store, incident_id: int) -> tuple[str, str]:
    entry = store.history(incident_id)[-1]
    return entry.action, entry.actor


# --- the queue -------------------------------------------------------------------------


def test_queue_lists_proposed_incidents_most_corroborated_first(
    analyst: TestClient, web_store: Store
) -> None:
    page = analyst.get("/review")
    assert page.status_code == 200
    shown = [int(i) for i in re.findall(r'id="review-incident-(\d+)"', page.text)]
    assert shown == [i.id for i in web_store.review_queue(limit=50).incidents]
    total = len(web_store.list_incidents())  # every sample incident starts proposed
    assert f"{total} proposed incidents" in page.text
    for incident_id in shown:
        assert f'href="/incidents/{incident_id}"' in page.text


def test_queue_caps_the_list_and_says_how_many_there_are(
    client_as: Callable[[Role], TestClient], web_store: Store, web_app: Any
) -> None:
    web_app.state.settings = type(web_app.state.settings)(page_size=3)
    page = client_as(Role.ANALYST).get("/review")
    total = len(web_store.list_incidents())
    assert len(re.findall(r'id="review-incident-(\d+)"', page.text)) == 3
    assert f"The 3 most corroborated of {total} proposed incidents." in page.text


def test_queue_shows_both_sides_of_a_possible_duplicate(
    analyst: TestClient, web_store: Store
) -> None:
    a, b = proposed(web_store)
    proposal = open_proposal(web_store, a, b, ("same place", "dates overlap"))
    page = analyst.get("/review").text
    card = page[page.index(f'id="review-duplicate-{proposal}"') :]
    card = card[: card.index("</article>")]
    assert "same place" in card and "dates overlap" in card and "0.61" in card
    assert f'href="/incidents/{a}"' in card and f'href="/incidents/{b}"' in card
    assert f'action="/incidents/{b}/merge"' in card  # keeps the earlier incident
    assert f'action="/review/duplicates/{proposal}/distinct"' in card


def test_queue_escapes_what_linking_wrote(analyst: TestClient, web_store: Store) -> None:
    a, b = proposed(web_store)
    open_proposal(web_store, a, b, ('<script>alert(1)</script>"><img src=x onerror=alert(1)>',))
    page = analyst.get("/review").text
    assert "<script>alert(1)" not in page and "<img src=x" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page


# --- each action as the command line does it -------------------------------------------

# (what the browser posts, what the command line runs); {a} and {b} are two proposed
# incidents, {p} an open proposal that they are one case.
ACTIONS = {
    "verify": ([("/incidents/{a}/verify", {})], [["verify", "{a}"]]),
    "reject": ([("/incidents/{a}/reject", {})], [["reject", "{a}"]]),
    "reopen": (
        [("/incidents/{a}/verify", {}), ("/incidents/{a}/reopen", {})],
        [["verify", "{a}"], ["reopen", "{a}"]],
    ),
    "set victims": (
        [("/incidents/{a}/fields", {"field": "victims", "value": "11-13"})],
        [["set", "{a}", "victims", "11-13"]],
    ),
    "set date": (
        [("/incidents/{a}/fields", {"field": "date", "value": "2019-11-19..2019-11-20"})],
        [["set", "{a}", "date", "2019-11-19..2019-11-20"]],
    ),
    "set place": (
        [("/incidents/{a}/fields", {"field": "place", "value": "Sinŭiju"})],
        [["set", "{a}", "place", "Sinŭiju"]],
    ),
    "set acts": (
        [("/incidents/{a}/fields", {"field": "acts", "value": "arrest, repatriation"})],
        [["set", "{a}", "acts", "arrest,repatriation"]],
    ),
    "clear perpetrator": (
        [("/incidents/{a}/fields", {"field": "perpetrator", "value": ""})],
        [["set", "{a}", "perpetrator", "none"]],
    ),
    "merge": ([("/incidents/{a}/merge", {"others": "{b}"})], [["merge", "{a}", "{b}"]]),
    "distinct": ([("/review/duplicates/{p}/distinct", {})], [["distinct", "{b}", "{a}"]]),
}


def _state(store: Store, ids: list[int]) -> list[Any]:
    """What the actions change: the incidents, and their history without the times."""
    skip = {"created_at", "updated_at"}
    return [
        (
            store.get_incident(i).model_dump(exclude=skip),
            [(e.action, e.actor, e.detail) for e in store.history(i)],
        )
        for i in ids
    ]


@pytest.mark.parametrize("action", list(ACTIONS), ids=list(ACTIONS))
def test_each_action_changes_the_store_as_the_command_line_does(
    action: str,
    analyst: TestClient,
    web_store: Store,
    sample_db_template: Path,
    tmp_path: Path,
) -> None:
    cli_path = tmp_path / "cli.db"
    shutil.copyfile(sample_db_template, cli_path)
    a, b = proposed(web_store)
    with Store.open(f"sqlite:///{cli_path}") as cli_store:
        ids = {"a": a, "b": b, "p": open_proposal(web_store, b, a)}
        assert open_proposal(cli_store, b, a) == ids["p"]
    before = _state(web_store, [a, b])
    posts, commands = ACTIONS[action]
    for path, form in posts:
        data = {k: v.format(**ids) for k, v in form.items()}
        response = analyst.post(path.format(**ids), data=data, follow_redirects=False)
        assert response.status_code == 303, response.text
    for command in commands:
        args = ["incident", *(arg.format(**ids) for arg in command)]
        result = CliRunner().invoke(cli, [*args, "--by", "ana", "--db", f"sqlite:///{cli_path}"])
        assert result.exit_code == 0, result.output
    after = _state(web_store, [a, b])
    assert after != before
    with Store.open(f"sqlite:///{cli_path}") as cli_store:
        assert after == _state(cli_store, [a, b])
        assert cli_store.review_queue().duplicates == web_store.review_queue().duplicates


# --- without JavaScript: redirect, and say what happened -------------------------------


def test_plain_post_redirects_to_the_queue_which_says_what_happened(
    analyst: TestClient, web_store: Store
) -> None:
    a, _ = proposed(web_store)
    response = analyst.post(f"/incidents/{a}/verify", follow_redirects=False)
    assert response.status_code == 303
    assert response.headers["location"] == f"/review?done=verified.{a}"
    page = analyst.get(response.headers["location"])
    assert f"Incident {a} is now verified." in page.text
    assert web_store.get_incident(a).status is IncidentStatus.VERIFIED
    assert last_change(web_store, a) == ("verified", "ana")


def test_plain_post_returns_to_next(analyst: TestClient, web_store: Store) -> None:
    a, _ = proposed(web_store)
    response = analyst.post(
        f"/incidents/{a}/reject",
        data={"next": f"/incidents/{a}?done=old#fields"},
        follow_redirects=False,
    )
    assert response.headers["location"] == f"/incidents/{a}?done=rejected.{a}#fields"


@pytest.mark.parametrize(
    "target",
    ["https://evil.example/", "//evil.example/", "/\\evil.example", "/\t/evil.example", "x"],
    ids=["absolute", "scheme-relative", "backslash", "tab", "relative"],
)
def test_plain_post_never_returns_to_another_site(
    target: str, analyst: TestClient, web_store: Store
) -> None:
    a, _ = proposed(web_store)
    response = analyst.post(f"/incidents/{a}/verify", data={"next": target}, follow_redirects=False)
    assert response.headers["location"] == f"/review?done=verified.{a}"


def test_a_done_code_cannot_put_words_on_the_page(analyst: TestClient) -> None:
    page = analyst.get("/review", params={"done": "verified.1 <b>Send your password</b>"})
    assert "Send your password" not in page.text
    assert 'role="status"' not in page.text


# --- with htmx: the fragment in its new state ------------------------------------------


def test_htmx_post_returns_the_row_in_its_new_state(analyst: TestClient, web_store: Store) -> None:
    a, _ = proposed(web_store)
    response = analyst.post(f"/incidents/{a}/verify", headers=HTMX)
    assert response.status_code == 200
    fragment = response.text.strip()
    assert fragment.startswith(f'<tr id="review-incident-{a}"')
    assert "<html" not in fragment
    assert '<span class="badge verified">verified</span>' in fragment
    assert f"Incident {a} is now verified." in fragment
    assert f'action="/incidents/{a}/reopen"' in fragment
    assert f'action="/incidents/{a}/verify"' not in fragment


def test_htmx_post_from_the_incident_page_returns_its_actions(
    analyst: TestClient, web_store: Store
) -> None:
    a, _ = proposed(web_store)
    response = analyst.post(
        f"/incidents/{a}/reject",
        data={"fragment": "actions", "next": f"/incidents/{a}"},
        headers=HTMX,
    )
    fragment = response.text.strip()
    assert fragment.startswith('<div class="review-actions"')
    assert f"Incident {a} is now rejected." in fragment
    assert f'<input type="hidden" name="next" value="/incidents/{a}">' in fragment


def test_a_refused_htmx_action_says_why_beside_the_button(
    analyst: TestClient, web_store: Store
) -> None:
    a, b = proposed(web_store)
    web_store.merge(a, [b], actor="test")
    response = analyst.post(f"/incidents/{b}/verify", headers=HTMX)
    assert response.status_code == 200  # htmx swaps nothing else
    assert response.headers["HX-Retarget"] == "find .review-problem"
    assert f"incident {b} was merged into incident {a}" in response.text
    plain = analyst.post(f"/incidents/{b}/verify", follow_redirects=False)
    assert plain.status_code == 400
    assert web_store.get_incident(b).status is IncidentStatus.MERGED


# --- editing ---------------------------------------------------------------------------


def test_edit_form_lists_every_field_with_its_current_value(
    analyst: TestClient, web_store: Store
) -> None:
    a, _ = proposed(web_store)
    incident = web_store.get_incident(a)
    fragment = analyst.get(f"/incidents/{a}/edit", headers=HTMX).text
    assert "<html" not in fragment
    for field in FIELDS:
        assert f'<input type="hidden" name="field" value="{field}">' in fragment
        text = input_text(incident, field)
        assert f'value="{text}"' in fragment, field
    page = analyst.get(f"/incidents/{a}/edit", params={"next": "/review"})
    assert page.text.startswith("<!doctype html>")
    assert '<a href="/review">← Back</a>' in page.text


def test_setting_a_field_shows_the_new_value_and_who_set_it(
    analyst: TestClient, web_store: Store
) -> None:
    a, _ = proposed(web_store)
    response = analyst.post(
        f"/incidents/{a}/fields", data={"field": "victims", "value": "11-13"}, headers=HTMX
    )
    assert f"Incident {a}: People set to 11-13." in response.text
    assert 'value="11-13"' in response.text
    assert "ana, <time" in response.text
    assert web_store.overrides(a)["victims"][1] == "ana"


def test_a_plain_field_post_returns_to_the_edit_form(analyst: TestClient, web_store: Store) -> None:
    a, _ = proposed(web_store)
    edit = f"/incidents/{a}/edit?next=%2Freview"
    response = analyst.post(
        f"/incidents/{a}/fields",
        data={"field": "date", "value": "2019-11", "next": edit},
        follow_redirects=False,
    )
    assert response.headers["location"] == f"{edit}&done=set.{a}.date"
    page = analyst.get(response.headers["location"]).text
    assert f"Incident {a}: Date set." in page
    assert 'value="2019-11"' in page


@pytest.mark.parametrize(
    ("field", "value", "reason"),
    [
        ("victims", "a dozen", "is not a count"),
        ("date", "2019-02-30", "not a real date"),
        ("acts", "arrest, deportation", "is not one of"),
        ("people", "12", "not an incident field; valid: acts, expected_acts"),
    ],
    ids=["count", "date", "act", "field"],
)
def test_a_value_that_cannot_be_read_is_shown_with_the_form(
    field: str, value: str, reason: str, analyst: TestClient, web_store: Store
) -> None:
    a, _ = proposed(web_store)
    before = web_store.get_incident(a)
    data = {"field": field, "value": value}
    swapped = analyst.post(f"/incidents/{a}/fields", data=data, headers=HTMX)
    assert swapped.status_code == 200
    assert 'class="error" role="alert"' in swapped.text and reason in swapped.text
    plain = analyst.post(f"/incidents/{a}/fields", data=data)
    assert plain.status_code == 400 and reason in plain.text
    assert web_store.get_incident(a) == before
    assert web_store.overrides(a) == {}


# --- merge and distinct ----------------------------------------------------------------


def test_merge_from_the_queue_answers_with_the_kept_incident(
    analyst: TestClient, web_store: Store
) -> None:
    a, b = proposed(web_store)
    open_proposal(web_store, b, a)
    response = analyst.post(f"/incidents/{a}/merge", data={"others": str(b)}, headers=HTMX)
    assert response.status_code == 200
    assert response.text.strip().startswith('<article class="review-item decided">')
    assert f"Incident {b} merged into incident {a}." in response.text
    assert web_store.get_incident(b).merged_into == a
    assert web_store.review_queue().duplicates == []
    assert last_change(web_store, b) == ("merged_into", "ana")


def test_merge_from_the_edit_form_takes_several_ids(analyst: TestClient, web_store: Store) -> None:
    a, b, c = proposed(web_store, 3)
    response = analyst.post(
        f"/incidents/{a}/merge", data={"others": f"{b}, {c} {a}", "fragment": "edit"}, headers=HTMX
    )
    assert f"Incidents {b}, {c} merged into incident {a}." in response.text
    assert '<section class="review-edit"' in response.text
    mentions = set(web_store.get_incident(a).mention_ids)
    assert {m.id for m in web_store.mentions_of(a)} == mentions
    assert len(mentions) == 3


def test_merge_refuses_what_is_not_an_id(analyst: TestClient, web_store: Store) -> None:
    a, _ = proposed(web_store)
    response = analyst.post(f"/incidents/{a}/merge", data={"others": "12; drop"})
    assert response.status_code == 400
    assert "&#39;drop&#39; is not an incident id" in response.text


def test_different_cases_closes_the_proposal(analyst: TestClient, web_store: Store) -> None:
    a, b = proposed(web_store)
    proposal = open_proposal(web_store, b, a)
    response = analyst.post(f"/review/duplicates/{proposal}/distinct", headers=HTMX)
    assert f"Incidents {b} and {a} are recorded as different cases." in response.text
    assert web_store.review_queue().duplicates == []
    assert f'id="review-duplicate-{proposal}"' not in analyst.get("/review").text
    assert last_change(web_store, b) == ("distinct", "ana")
    again = analyst.post(f"/review/duplicates/{proposal}/distinct", headers=HTMX)
    assert "already decided: distinct" in again.text
    assert analyst.post("/review/duplicates/9999/distinct").status_code == 404


# --- history ---------------------------------------------------------------------------


def test_history_says_who_did_what_and_when(analyst: TestClient, web_store: Store) -> None:
    a, _ = proposed(web_store)
    analyst.post(f"/incidents/{a}/fields", data={"field": "victims", "value": "12+"})
    analyst.post(f"/incidents/{a}/verify")
    fragment = analyst.get(f"/incidents/{a}/history", headers=HTMX).text
    assert fragment.strip().startswith('<section class="review-history"')
    rows = re.findall(
        r"<tr>\s*<td><time[^>]*>([^<]+)</time></td>\s*<td>([^<]+)</td>\s*<td>([^<]+)</td>", fragment
    )
    assert [(who, what) for _, who, what in rows][-2:] == [
        ("ana", "People set to 12+"),
        ("ana", "status proposed → verified"),
    ]
    assert rows[0][1] == "repwatch"  # linking made it
    assert analyst.get(f"/incidents/{a}/history").text.startswith("<!doctype html>")
    assert analyst.get("/incidents/9999/history").status_code == 404


# --- who may -----------------------------------------------------------------------------

PAGES = ["/review", "/incidents/{a}/edit", "/incidents/{a}/history"]
POSTS = [
    ("/incidents/{a}/verify", {}),
    ("/incidents/{a}/reject", {}),
    ("/incidents/{a}/reopen", {}),
    ("/incidents/{a}/fields", {"field": "victims", "value": "3"}),
    ("/incidents/{a}/merge", {"others": "{b}"}),
    ("/review/duplicates/{p}/distinct", {}),
]


def test_a_viewer_is_refused_every_review_page_and_action(
    client_as: Callable[[Role], TestClient], web_store: Store
) -> None:
    viewer = client_as(Role.VIEWER)
    a, b = proposed(web_store)
    ids = {"a": a, "b": b, "p": open_proposal(web_store, b, a)}
    before = _state(web_store, [a, b])
    for path in PAGES:
        assert viewer.get(path.format(**ids)).status_code == 403, path
        assert viewer.get(path.format(**ids), headers=HTMX).status_code == 403, path
    for path, form in POSTS:
        data = {k: v.format(**ids) for k, v in form.items()}
        assert viewer.post(path.format(**ids), data=data).status_code == 403, path
        assert viewer.post(path.format(**ids), data=data, headers=HTMX).status_code == 403, path
    assert _state(web_store, [a, b]) == before
    assert 'href="/review"' not in viewer.get("/").text


@pytest.mark.parametrize("token", [None, "forged"], ids=["missing", "forged"])
def test_a_review_post_without_the_csrf_token_is_refused(
    token: str | None, analyst: TestClient, web_store: Store
) -> None:
    a, b = proposed(web_store)
    ids = {"a": a, "b": b, "p": open_proposal(web_store, b, a)}
    before = _state(web_store, [a, b])
    del analyst.headers[CSRF_HEADER]
    for path, form in POSTS:
        data = {k: v.format(**ids) for k, v in form.items()}
        if token:
            data["csrf_token"] = token
        assert analyst.post(path.format(**ids), data=data).status_code == 403, path
    assert _state(web_store, [a, b]) == before


# --- the templates -------------------------------------------------------------------------


def test_the_actions_partial_gives_the_incident_page_its_buttons(web_store: Store) -> None:
    a, _ = proposed(web_store)
    incident = web_store.get_incident(a)
    partial = templates.env.get_template("review/actions.html")

    def rendered(permissions: set[Permission], **context: Any) -> str:
        return partial.render(
            incident=incident,
            csrf_token="TOKEN",
            can=lambda permission: permission in permissions,
            Permission=Permission,
            **context,
        )

    page = rendered({Permission.REVIEW}, next=f"/incidents/{a}?tab=evidence")
    assert f'action="/incidents/{a}/verify"' in page and f'action="/incidents/{a}/reject"' in page
    assert f'<input type="hidden" name="next" value="/incidents/{a}?tab=evidence">' in page
    assert '<input type="hidden" name="csrf_token" value="TOKEN">' in page
    assert f'href="/incidents/{a}/edit?next=/incidents/{a}%3Ftab%3Devidence"' in page
    default = rendered({Permission.REVIEW})
    assert f'<input type="hidden" name="next" value="/incidents/{a}">' in default
    assert rendered({Permission.VIEW_ALL}).strip() == ""


@pytest.mark.parametrize("path", sorted(TEMPLATES.glob("*.html")), ids=lambda path: path.name)
def test_review_templates_hold_no_inline_script_or_style(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    assert "<script" not in text
    assert not re.search(r"\sstyle\s*=", text)
    assert not re.search(r"\son[a-z]+\s*=", text)
    assert "|safe" not in text.replace(" ", "")
