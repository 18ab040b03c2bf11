"""Report: the run summary, the HTML run report and its browser check."""
