"""Calendar values: timex3 (the one TIMEX3 value parser), intervals (value -> interval),
values (the tagger's calendar arithmetic), seconds (values on the timeline's time axis)."""
