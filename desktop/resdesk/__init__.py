"""Resolution Desk: drafting and negotiating United Nations resolutions."""

__version__ = "0.1.0"
