"""Organizations: names the model tags and names it misses (``candidates``), their other names in the
same document (``aliases``), the country the words around them give (``context``), merged (``collect``)."""
