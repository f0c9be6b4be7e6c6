"""The Qt-free edit commands and their undo/redo stack."""

import copy

import pytest

from strikeview.edits import (
    AddCandidateLaunch,
    ChangeRole,
    ChangeWeapon,
    EditError,
    EditStack,
    MoveSite,
    RenameSite,
    weapon_from_catalogue,
)
from strikeview.model import Article, Event, EventsDocument, Site, Weapon


def make_doc() -> EventsDocument:
    """One event: a launch area and an impact base, one weapon."""
    return EventsDocument(
        articles=[Article(id="a1", path="r1.txt", title="Test report")],
        events=[Event(
            id="e1", article_id="a1", date="2020-01-08", actor="Guards",
            weapons=[Weapon(name="Fateh-110", weapon_class="SRBM", max_range_km=300.0)],
            sites=[
                Site(role="launch", name="Launch Area", lat=34.3, lon=47.1, uncertainty_km=170.0),
                Site(role="impact", name="Target Base", lat=33.8, lon=42.4),
            ],
        )],
    )


def test_edits_move_site_and_undo_restores_everything():
    doc = make_doc()
    before = copy.deepcopy(doc)
    stack = EditStack(doc)
    stack.push(MoveSite("e1", 1, lon=44.0, lat=36.0))
    site = doc.events[0].sites[1]
    assert (site.lon, site.lat) == (44.0, 36.0)
    assert site.source == "analyst"
    assert stack.undo_text == "Move Target Base"
    assert stack.undo()
    assert doc == before
    assert stack.redo()
    assert doc.events[0].sites[1].lonlat == (44.0, 36.0)


def test_edits_rename_and_change_role_undo_in_order():
    doc = make_doc()
    before = copy.deepcopy(doc)
    stack = EditStack(doc)
    stack.push(RenameSite("e1", 0, name="  Western Area "))
    stack.push(ChangeRole("e1", 0, role="impact"))
    assert doc.events[0].sites[0].name == "Western Area"
    assert doc.events[0].sites[0].role == "impact"
    stack.undo()
    assert doc.events[0].sites[0].role == "launch"
    assert doc.events[0].sites[0].name == "Western Area"
    stack.undo()
    assert doc == before
    assert not stack.can_undo and stack.can_redo


def test_edits_change_weapon_replaces_and_adds():
    doc = make_doc()
    stack = EditStack(doc)
    stack.push(ChangeWeapon("e1", 0, Weapon(name="Other", max_range_km=800.0)))
    assert [w.name for w in doc.events[0].weapons] == ["Other"]
    stack.push(ChangeWeapon("e1", 1, Weapon(name="Second")))
    assert [w.name for w in doc.events[0].weapons] == ["Other", "Second"]
    stack.undo()
    stack.undo()
    assert [w.name for w in doc.events[0].weapons] == ["Fateh-110"]
    assert doc.events[0].weapons[0].max_range_km == 300.0


def test_edits_candidate_launch_is_added_and_removed():
    doc = make_doc()
    stack = EditStack(doc)
    cmd = AddCandidateLaunch("e1", lon=50.0, lat=32.0)
    stack.push(cmd)
    site = doc.events[0].sites[-1]
    assert (site.role, site.kind, site.claimed_by) == ("launch", "candidate", "analyst")
    assert site.name == "Candidate 32.00°N 50.00°E"
    stack.undo()
    assert len(doc.events[0].sites) == 2


def test_edits_bad_edits_are_refused_without_change():
    doc = make_doc()
    before = copy.deepcopy(doc)
    stack = EditStack(doc)
    with pytest.raises(EditError):
        stack.push(MoveSite("nope", 0, lon=1.0, lat=2.0))
    with pytest.raises(EditError):
        stack.push(MoveSite("e1", 7, lon=1.0, lat=2.0))
    with pytest.raises(EditError):
        MoveSite("e1", 0, lon=200.0, lat=2.0)
    with pytest.raises(EditError):
        RenameSite("e1", 0, name="   ")
    with pytest.raises(EditError):
        ChangeRole("e1", 0, role="target")
    assert doc == before
    assert not stack.can_undo


def test_edits_clean_state_follows_undo_and_new_pushes():
    stack = EditStack(make_doc())
    assert stack.is_clean
    stack.push(MoveSite("e1", 0, lon=45.0, lat=33.0))
    assert not stack.is_clean
    stack.set_clean()
    stack.undo()
    assert not stack.is_clean
    stack.redo()
    assert stack.is_clean
    stack.undo()
    stack.push(RenameSite("e1", 0, name="Elsewhere"))  # saved state is now unreachable
    assert not stack.is_clean
    assert not stack.can_redo


def test_edits_listeners_hear_every_change():
    stack = EditStack(make_doc())
    heard = []
    stack.subscribe(lambda: heard.append(stack.depth))
    stack.push(MoveSite("e1", 0, lon=45.0, lat=33.0))
    stack.undo()
    stack.redo()
    assert heard == [1, 0, 1]
    assert not EditStack().undo() and not EditStack().redo()


def test_edits_weapon_from_catalogue_fills_ranges_when_known():
    unknown = weapon_from_catalogue("Zzyzx 9000")
    assert unknown.name == "Zzyzx 9000" and unknown.max_range_km is None
    generic = weapon_from_catalogue("Unknown Rocket Type")
    assert generic.name == "Unknown Rocket Type" and generic.generic
    known = weapon_from_catalogue("Zolfaqar")
    assert known.name == "Zolfaghar"
    assert known.max_range_km and known.range_source
    with pytest.raises(EditError):
        weapon_from_catalogue(" ")


def test_edits_notes_replace_and_undo_through_the_stack():
    from strikeview.edits import EditNotes

    class Owner:
        notes = "before"

    owner, stack = Owner(), EditStack()
    stack.push(EditNotes(owner, "after"))
    assert owner.notes == "after" and stack.undo_text == "Edit notes"
    assert stack.undo() and owner.notes == "before"
    assert stack.redo() and owner.notes == "after"
    with pytest.raises(EditError):
        EditNotes(owner, "never done").undo(stack.document)


def test_edits_remove_site_and_undo_puts_it_back_in_place():
    from strikeview.edits import RemoveSite

    stack = EditStack(make_doc())
    before = copy.deepcopy(stack.document)
    stack.push(RemoveSite("e1", 0))
    assert [s.name for s in stack.document.events[0].sites] == ["Target Base"]
    assert stack.undo_text == "Remove Launch Area"
    stack.undo()
    assert stack.document == before
    with pytest.raises(EditError):
        stack.push(RemoveSite("e1", 5))
    assert stack.document == before
