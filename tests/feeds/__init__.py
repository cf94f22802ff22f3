"""Feed files written for the tests (invented stories), and the local server that serves them."""
