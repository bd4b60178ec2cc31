"""Publication dates: date lines and metadata read once, and inference for undated articles."""
