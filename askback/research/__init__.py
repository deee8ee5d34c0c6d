"""Research: from sources (sites, folders, pasted text) to facts with evidence."""
