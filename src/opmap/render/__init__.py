"""Renderers: the interactive HTML map (folium) and static images (matplotlib), kept apart.

Renderers take validated operations and aggregates; they never parse CSV or resolve names.
"""
