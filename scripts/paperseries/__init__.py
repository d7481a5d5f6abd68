"""A series of papers as one site: each paper converted and built alone, then listed, searched and fed together."""
