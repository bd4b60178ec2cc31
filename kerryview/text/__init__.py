"""Text toolkit shared by the stages: sentences, clause tense, passage context, TF-IDF and the word-list loader."""
