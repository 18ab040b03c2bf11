"""Quality: the conservation laws and the Great Expectations gate."""
