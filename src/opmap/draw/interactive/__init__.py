"""draw/interactive."""
