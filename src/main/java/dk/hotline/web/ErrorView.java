package dk.hotline.web;

/** What the error page shows: the status, and for a refusal (not our own fault) what was refused. */
public record ErrorView(int status, String detail) {}
