"""One module per feature, each holding its pages and its /api/v1 routes."""
