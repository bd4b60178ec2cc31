"""Stage 4: resolve the corpus — publication dates, one event per story event, disagreements."""
