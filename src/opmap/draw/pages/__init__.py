"""draw/pages."""
