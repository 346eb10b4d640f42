"""Models of the editorial app."""
