"""JSON: observations as records, scorecards as ``nghiquyet scorecard --format json`` gives them."""
