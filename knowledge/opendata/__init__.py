"""Open data: the documented public API, filtered exports, the pages API and its rate limit."""
