"""What every stage shares: the records (``model``), named errors, settings, text normalization, the version."""
