"""The timeline: widget (input, signals, tooltips) over Qt-free view (zoom/pan arithmetic) and
layout (lanes, levels of detail, labels) modules, painted by paint; axis ticks and labels, the event
index and the legend. Import the parts from their modules."""
