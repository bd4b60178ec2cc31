"""kerryview: news articles in, one clickable timeline of dated events out."""

__version__ = "0.1.0"
