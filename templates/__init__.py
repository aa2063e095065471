"""Reference Word templates with the Secretariat's paragraph styles."""
