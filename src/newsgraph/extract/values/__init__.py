"""Values a document states: amounts with unit and what they count (``amounts``, ``amount_context``),
dates resolved from the publication date (``dates``), themes (``themes``) and tone (``tone``)."""
