"""The user's edits of events (label, date, status, note; events added, merged, split), kept
apart from what the pipeline derives and applied on top of it after every resolution.

Qt-free: kinds.py holds one dataclass per kind of edit (stored as JSON), apply.py the one
function that applies a list of them to freshly derived events. An edit names its event by the
time expressions of the event's passages (document and offsets), never by a transient id, so it
finds its event again after a re-import that regrouped the passages.
"""
from kerryview.edits.apply import apply_edits, edited_refs
from kerryview.edits.kinds import (AddEvent, Edit, EditDate, EventRef, MergeEvents, SetDate, SetLabel,
                                   SetNote, SetStatus, SplitEvent, edit_from_json, edit_to_json,
                                   event_ref, mention_ref)

__all__ = ["AddEvent", "Edit", "EditDate", "EventRef", "MergeEvents", "SetDate", "SetLabel",
           "SetNote", "SetStatus", "SplitEvent", "apply_edits", "edit_from_json", "edited_refs", "edit_to_json",
           "event_ref", "mention_ref"]
