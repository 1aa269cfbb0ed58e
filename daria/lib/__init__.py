"""Small helpers shared by Daria's Django apps (no models here)."""
