"""Data shipped with Resolution Desk: the example resolution, lexicons, delegations, icons."""
