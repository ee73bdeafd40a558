"""Half-year and year-end reports computed from the plan and the activities held."""
