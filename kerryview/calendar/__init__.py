"""Calendar values: the one TIMEX3 value <-> interval parser and formatter, calendar arithmetic."""
