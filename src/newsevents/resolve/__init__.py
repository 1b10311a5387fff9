"""Resolve stage: actors (``resolve.actors``), dates (``resolve.time``), places (``resolve.place``)."""
