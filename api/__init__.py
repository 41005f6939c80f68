"""Every /api/ URL: search, autocomplete, exports, the pages API, the OpenAPI description and its rate limit."""
