"""The people in the candidate's search: interviewers, their interviews, the candidate's own
experience, and the search at a glance (``askback status``)."""
