"""Resolve stage: actors (``.actors``), dates (``.time``), places (``.place``)."""
