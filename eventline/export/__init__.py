"""The published gold in the layouts analysts' tools expect: ACLED and UCDP GED files, and a
DuckDB catalog. Reads only ``DIR/gold`` (the Parquet files a publish wrote)."""
