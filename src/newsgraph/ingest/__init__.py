"""Reading pages in: readers per source kind (``read/``), segmentation into main article and teasers,
near-duplicate detection, the NLP model, the OUTPUT.md record, and the pipeline that runs the stages
in order (``pipeline``, ``batch`` on a Dask cluster)."""
