"""draw/static."""
