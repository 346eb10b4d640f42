"""Models of the directives app."""
