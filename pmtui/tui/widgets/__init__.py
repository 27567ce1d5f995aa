"""Reusable widgets: step panes, the step list and the warning panel."""
