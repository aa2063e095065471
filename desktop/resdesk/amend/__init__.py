"""Labels, applying amendments, collisions and UN-style amendment instructions."""
