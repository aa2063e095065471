"""Importers and exporters: plain text, Akoma Ntoso (AKN4UN), Word .docx, PDF."""
