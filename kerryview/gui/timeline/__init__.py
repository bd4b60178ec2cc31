"""The timeline: widget (input and signals), axis and index (Qt-free calendar geometry and the
event index); import the parts from their modules."""
