"""Text toolkit shared by the stages: sentences, the one tense detector, passage context, TF-IDF
and the one word-list loader."""
