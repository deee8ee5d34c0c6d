"""One router per page: parse the request, call one service, render."""
